package cmd

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/readout/readout/extract"
)

// defaultMaxBytes is the default of --max-bytes: far above any news
// article, low enough that a stray archive or database dump in a folder
// cannot exhaust memory.
const defaultMaxBytes = 10 << 20

// task is one document to extract, or the reason it could not be read.
type task struct {
	doc extract.Document
	err error
	// size is the number of input bytes the task stands for, for the
	// progress bar and --stats.
	size int64
	// where names the input in messages when the output's source does not:
	// FILE:LINE of a JSON Lines record.
	where string
}

// inputs reads the documents of the PATH arguments and sends them as
// tasks, one at a time: memory is bounded by the tasks in flight, not by
// the corpus. It stops when ctx is done.
type inputs struct {
	ctx      context.Context
	stdin    io.Reader
	stderr   io.Writer
	date     string
	maxBytes int64
	out      chan<- task
	// listed is told how many files a folder holds once it is listed, for
	// the progress bar; may be nil.
	listed func(n int)
}

// send sends a task; false means the run was stopped.
func (in *inputs) send(t task) bool {
	select {
	case in.out <- t:
		return true
	case <-in.ctx.Done():
		return false
	}
}

func (in *inputs) fail(source string, err error) bool {
	return in.send(task{doc: extract.Document{ID: idOf(source), Source: source}, err: err})
}

func (in *inputs) tooLarge(size int64) error {
	return fmt.Errorf("%d bytes is more than --max-bytes %d", size, in.maxBytes)
}

// texts sends the documents of one PATH argument: stdin, a file, or the
// text files below a folder in sorted path order.
func (in *inputs) texts(p string) bool {
	if p == "-" {
		b, err := io.ReadAll(in.limit(in.stdin))
		if err == nil && in.maxBytes > 0 && int64(len(b)) > in.maxBytes {
			err = fmt.Errorf("more than --max-bytes %d", in.maxBytes)
		}
		return in.send(in.textTask("-", b, err))
	}
	if !isDir(p) {
		return in.file(p, false)
	}
	for _, f := range in.listFiles(p) {
		ok := f.err == nil && in.file(f.path, true) || f.err != nil && in.fail(f.path, f.err)
		if !ok {
			return false
		}
	}
	return true
}

// limit reads at most one byte more than --max-bytes, so that an
// over-long input is known without being held.
func (in *inputs) limit(r io.Reader) io.Reader {
	if in.maxBytes <= 0 {
		return r
	}
	return io.LimitReader(r, in.maxBytes+1)
}

// file sends one text file; inFolder files that are binary are skipped with
// a notice instead.
func (in *inputs) file(path string, inFolder bool) bool {
	b, size, err := in.readFile(path)
	if inFolder && err == nil && extract.CheckText(string(b)) == extract.ErrBinary {
		fmt.Fprintf(in.stderr, "readout: %s: skipped: not a text file\n", path)
		return true
	}
	t := in.textTask(path, b, err)
	t.size = size
	return in.send(t)
}

// readFile reads a file unless it is larger than --max-bytes; size is its
// size either way.
func (in *inputs) readFile(path string) (b []byte, size int64, err error) {
	fh, err := os.Open(path)
	if err != nil {
		return nil, 0, err
	}
	defer fh.Close()
	if info, err := fh.Stat(); err == nil {
		size = info.Size()
	}
	if in.maxBytes > 0 && size > in.maxBytes {
		return nil, size, in.tooLarge(size)
	}
	b, err = io.ReadAll(in.limit(fh))
	if err == nil && in.maxBytes > 0 && int64(len(b)) > in.maxBytes {
		return nil, size, in.tooLarge(size)
	}
	return b, int64(len(b)), err
}

func idOf(source string) string {
	if source == "-" {
		return ""
	}
	return strings.TrimSuffix(filepath.Base(source), filepath.Ext(source))
}

func (in *inputs) textTask(source string, b []byte, err error) task {
	id := idOf(source)
	if err != nil {
		return task{doc: extract.Document{ID: id, Source: source}, err: err, size: int64(len(b))}
	}
	doc := extract.Document{ID: id, Source: source, Text: string(b), Date: in.date}
	if in.date != "" {
		doc.DateFrom = "flag"
	}
	return task{doc: doc, size: int64(len(b))}
}

// listedFile is a file found in a folder, or a path there that cannot be
// read.
type listedFile struct {
	path string
	err  error
}

// listFiles returns the files below folder root in sorted path order. It
// follows symbolic links, but not into a folder it is already inside (a
// loop); hidden files and folders and loops are skipped with a notice.
func (in *inputs) listFiles(root string) []listedFile {
	var files []listedFile
	var walk func(dir string, ancestors []os.FileInfo)
	walk = func(dir string, ancestors []os.FileInfo) {
		entries, err := os.ReadDir(dir)
		if err != nil {
			files = append(files, listedFile{dir, err})
			return
		}
		for _, e := range entries {
			path := filepath.Join(dir, e.Name())
			if strings.HasPrefix(e.Name(), ".") {
				fmt.Fprintf(in.stderr, "readout: %s: skipped: hidden\n", path)
				continue
			}
			info, err := os.Stat(path) // follows links
			switch {
			case err != nil:
				files = append(files, listedFile{path, err})
			case !info.IsDir():
				if info.Mode().IsRegular() {
					files = append(files, listedFile{path: path})
				}
			case slices.ContainsFunc(ancestors, func(a os.FileInfo) bool { return os.SameFile(a, info) }):
				fmt.Fprintf(in.stderr, "readout: %s: skipped: symbolic link loop\n", path)
			default:
				walk(path, append(ancestors[:len(ancestors):len(ancestors)], info))
			}
		}
	}
	info, err := os.Stat(root)
	if err != nil {
		return []listedFile{{root, err}}
	}
	walk(root, []os.FileInfo{info})
	sort.Slice(files, func(i, j int) bool { return files[i].path < files[j].path })
	if in.listed != nil {
		in.listed(len(files))
	}
	return files
}

// record is one JSON Lines input record. Its output carries the record's
// own id and source, not its line number: the output of a stream split
// into parts (parallel --pipe, Hadoop, Spark) is then the output of the
// whole. Only a line that is no record at all is named by FILE:LINE.
type record struct {
	ID     string `json:"id"`
	Text   string `json:"text"`
	Date   string `json:"date"`
	Source string `json:"source"`
}

// records sends one document per JSON Lines record of p (a file, a folder
// of files, or - for stdin).
func (in *inputs) records(p string) bool {
	if p != "-" && isDir(p) {
		for _, f := range in.listFiles(p) {
			ok := f.err == nil && in.records(f.path) || f.err != nil && in.fail(f.path, f.err)
			if !ok {
				return false
			}
		}
		return true
	}
	var r io.Reader = in.stdin
	if p != "-" {
		fh, err := os.Open(p)
		if err != nil {
			return in.fail(p, err)
		}
		defer fh.Close()
		r = fh
	}
	lr := lineReader{br: bufio.NewReaderSize(r, 64<<10), max: in.maxBytes}
	for n := 1; ; n++ {
		line, size, err := lr.next()
		src := fmt.Sprintf("%s:%d", p, n)
		switch {
		case size > 0 && line == nil:
			if !in.send(task{doc: extract.Document{Source: src}, err: fmt.Errorf("record of %v", in.tooLarge(size)), size: size}) {
				return false
			}
		case len(strings.TrimSpace(string(line))) > 0:
			t := in.recordTask(src, line)
			t.size, t.where = size, src
			if !in.send(t) {
				return false
			}
		}
		if err != nil {
			if !errors.Is(err, io.EOF) {
				return in.fail(src, err)
			}
			return true
		}
	}
}

func (in *inputs) recordTask(src string, b []byte) task {
	var rec record
	if err := json.Unmarshal(b, &rec); err != nil {
		return task{doc: extract.Document{Source: src}, err: fmt.Errorf("not a JSON record: %w", err)}
	}
	doc := extract.Document{ID: rec.ID, Source: rec.Source, Text: rec.Text}
	if doc.ID == "" && doc.Source == "" {
		doc.Source = src
	}
	switch {
	case in.date != "":
		doc.Date, doc.DateFrom = in.date, "flag"
	case rec.Date != "":
		if _, err := time.Parse("2006-01-02", rec.Date); err != nil {
			return task{doc: doc, err: fmt.Errorf("date %q: use the form YYYY-MM-DD", rec.Date)}
		}
		doc.Date, doc.DateFrom = rec.Date, "record"
	}
	return task{doc: doc}
}

// lineReader reads lines without holding more than max bytes of one: a
// longer line is read through and dropped.
type lineReader struct {
	br  *bufio.Reader
	max int64 // 0: no limit
}

// next returns the next line and its size in bytes; the line is nil when
// it is longer than max. err is io.EOF after the last line.
func (l *lineReader) next() (line []byte, size int64, err error) {
	for {
		chunk, err := l.br.ReadSlice('\n')
		size += int64(len(chunk))
		if l.max <= 0 || size <= l.max {
			line = append(line, chunk...)
		} else {
			line = nil
		}
		if !errors.Is(err, bufio.ErrBufferFull) {
			return line, size, err
		}
	}
}
