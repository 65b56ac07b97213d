package varint_test

import (
	"encoding/binary"
	"testing"

	"github.com/readout/readout/internal/varint"
)

func TestUvarintAgreesWithBinary(t *testing.T) {
	inputs := [][]byte{{}, {0x80}, {0xff, 0xff}, {0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x02}}
	for _, v := range []uint64{0, 1, 127, 128, 300, 1 << 32, 1<<64 - 1} {
		inputs = append(inputs, binary.AppendUvarint(nil, v), append(binary.AppendUvarint(nil, v), 7, 7))
	}
	for _, in := range inputs {
		wantV, wantN := binary.Uvarint(in)
		if gotV, gotN := varint.Uvarint(string(in)); gotV != wantV || gotN != wantN {
			t.Errorf("Uvarint(% x) = %d, %d; binary.Uvarint gives %d, %d", in, gotV, gotN, wantV, wantN)
		}
	}
}

func FuzzUvarint(f *testing.F) {
	f.Add([]byte{0x96, 0x01})
	f.Fuzz(func(t *testing.T, in []byte) {
		wantV, wantN := binary.Uvarint(in)
		if gotV, gotN := varint.Uvarint(string(in)); gotV != wantV || gotN != wantN {
			t.Errorf("Uvarint(% x) = %d, %d; binary.Uvarint gives %d, %d", in, gotV, gotN, wantV, wantN)
		}
	})
}
