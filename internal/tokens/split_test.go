package tokens

import (
	"reflect"
	"testing"
)

// TestSplitLettersAsTokenizer checks the fast path of Split against the
// tokenizer on names of every shape it takes.
func TestSplitLettersAsTokenizer(t *testing.T) {
	names := []string{"Nikol Pashinyan", "Ilham Aliyev", "cannot", "Don", "Xi Jinping", "São Paulo",
		"Ñuñoa", "Москва", "a", "I", "Recep Tayyip Erdoğan", "gonna", "wanna", "Mr", "St", "USA",
		"Ministry of Foreign Affairs of Armenia", "ßtraße", "İstanbul", "Lachin corridor"}
	for _, name := range names {
		fast, ok := splitLetters(name)
		if !ok {
			t.Errorf("splitLetters(%q) declined a name of letters and spaces", name)
			continue
		}
		if slow := splitTokenizer(name); !reflect.DeepEqual(fast, slow) {
			t.Errorf("splitLetters(%q) = %+v, the tokenizer gives %+v", name, fast, slow)
		}
	}
	for _, text := range []string{"", " ", "New  York", "U.S.", "Nagorno-Karabakh", "a\\nb", "Armenia's", "x ", " x"} {
		if _, ok := splitLetters(text); ok {
			t.Errorf("splitLetters(%q) took text that is not only letters and single spaces", text)
		}
	}
}
