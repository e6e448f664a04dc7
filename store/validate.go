package store

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"frontdesk/lang"
)

// cleanText trims s and checks it is valid UTF-8 without control characters,
// at most max runes long, and present when required. name names the field in
// messages.
func cleanText(field, s string, max int, required bool, name lang.Text) (string, error) {
	return cleanTextLines(field, s, max, required, false, name)
}

// cleanTextLines is cleanText that lets multiline text keep its line breaks.
func cleanTextLines(field, s string, max int, required, multiline bool, name lang.Text) (string, error) {
	if !utf8.ValidString(s) {
		return "", invalid(field, lang.InvalidCharacters.Format(name))
	}
	if multiline {
		s = strings.ReplaceAll(s, "\r\n", "\n")
	}
	s = strings.TrimSpace(s)
	for _, r := range s {
		if multiline && (r == '\n' || r == '\t') {
			continue
		}
		if unicode.IsControl(r) || isInvisibleOverride(r) {
			return "", invalid(field, lang.ControlCharacters.Format(name))
		}
	}
	if required && s == "" {
		return "", invalid(field, lang.FieldRequired.Format(name))
	}
	if n := utf8.RuneCountInString(s); n > max {
		return "", invalid(field, lang.TooManyCharacters.Format(name, max))
	}
	return s, nil
}

// cleanName is cleanText for a name or a label someone else will read (a
// person, an organisation, a title): it also refuses zero-width, bidi and
// other format characters (Unicode Cf), which can hide or reorder text.
func cleanName(field, s string, max int, required bool, name lang.Text) (string, error) {
	for _, r := range s {
		if unicode.Is(unicode.Cf, r) {
			return "", invalid(field, lang.FormatCharacters.Format(name))
		}
	}
	return cleanText(field, s, max, required, name)
}

// foldDigits turns full-width digits, letters, spaces and signs (as Chinese
// input methods type them: １３８，＋８６，－) into their ASCII forms.
func foldDigits(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E: // the full-width forms of ASCII ! to ~
			return r - 0xFF01 + '!'
		case r == 0x3000: // ideographic space
			return ' '
		}
		return r
	}, s)
}

// isInvisibleOverride catches the bidirectional overrides that can make a
// name read backwards on screen (U+202A–U+202E, U+2066–U+2069).
func isInvisibleOverride(r rune) bool {
	return (r >= 0x202A && r <= 0x202E) || (r >= 0x2066 && r <= 0x2069)
}

// NormalizePhone checks a phone number and returns it as digits (a landline
// keeps one dash after its area code). Mainland mobiles are 11 digits from
// 13x to 19x; landlines are an area code from 0 and 7–8 digits; a leading
// +86 or 86 and spaces or dashes are accepted, full-width ones too.
func NormalizePhone(s string) (string, bool) {
	s = foldDigits(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-' || r == '(' || r == ')':
		case r == '+' && b.Len() == 0:
		default:
			return "", false
		}
	}
	d := b.String()
	if strings.HasPrefix(strings.TrimSpace(s), "+") && !strings.HasPrefix(d, "86") {
		return "", false
	}
	// No Chinese number starts with 86, so a leading 86 is the country code.
	// Written that way a landline drops its trunk 0 (+86 10 6234 5678), which
	// comes back here; some people keep it (+86 010 …).
	if rest, ok := strings.CutPrefix(d, "86"); ok && len(rest) >= 9 {
		switch {
		case rest[0] == '1' && len(rest) == 11 && rest[1] >= '3' && rest[1] <= '9':
			d = rest
		case rest[0] == '0':
			d = rest
		default:
			d = "0" + rest
		}
	}
	switch {
	case len(d) == 11 && d[0] == '1' && d[1] >= '3' && d[1] <= '9':
		return d, true
	case d != "" && d[0] == '0' && len(d) >= 10 && len(d) <= 12:
		// Area codes are 3 digits for the largest cities (010, 02x) and 4
		// otherwise; the local number is 7 or 8 digits.
		area := 4
		if d[1] == '1' || d[1] == '2' {
			area = 3
		}
		local := len(d) - area
		if local < 7 || local > 8 {
			return "", false
		}
		return d[:area] + "-" + d[area:], true
	}
	return "", false
}

func checkPhone(field, s string, required bool) (string, error) {
	s = strings.TrimSpace(foldDigits(s))
	if s == "" {
		if required {
			return "", invalid(field, lang.PhoneIsRequired)
		}
		return "", nil
	}
	p, ok := NormalizePhone(s)
	if !ok {
		return "", invalid(field, lang.PhoneInvalid)
	}
	return p, nil
}

// MaskPhone hides the middle of a phone number for lists and the lobby
// screen: 13812345678 becomes 138****5678.
func MaskPhone(p string) string {
	r := []rune(p)
	if len(r) < 7 {
		return p
	}
	return string(r[:3]) + "****" + string(r[len(r)-4:])
}

// phoneLast4 returns the last four digits of a phone, what desks ask for.
func phoneLast4(p string) string {
	if len(p) < 4 {
		return ""
	}
	return p[len(p)-4:]
}

func checkCount(field string, n, min, max int, name lang.Text) error {
	if n < min || n > max {
		return invalid(field, lang.OutOfRange.Format(name, min, max))
	}
	return nil
}

func checkLabel(field string, list []Label, s string, name lang.Text) (string, error) {
	code, ok := parseLabel(list, strings.TrimSpace(s))
	if !ok {
		if strings.TrimSpace(s) == "" {
			return "", invalid(field, lang.ChoiceRequired.Format(name))
		}
		return "", invalid(field, lang.NotAChoice.Format(name))
	}
	return code, nil
}

// ValidKey reports whether s can be a form's one-time key: 16 to 64 letters,
// digits, '-' or '_'.
func ValidKey(s string) bool {
	if len(s) < 16 || len(s) > 64 {
		return false
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
			return false
		}
	}
	return true
}

func checkKey(key string) error {
	if key != "" && !ValidKey(key) {
		return invalid("key", lang.FormExpired)
	}
	return nil
}
