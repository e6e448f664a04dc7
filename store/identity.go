package store

import (
	"context"
	"fmt"
	"strings"

	"frontdesk/lang"
)

// The levels of the network's tree (1+10+N: 市、区、街道、社区).
const (
	LevelCity      = "city"
	LevelDistrict  = "district"
	LevelStreet    = "street"
	LevelCommunity = "community"
)

// Levels names each level, top down.
var Levels = []Label{
	{LevelCity, lang.LevelCity},
	{LevelDistrict, lang.LevelDistrict},
	{LevelStreet, lang.LevelStreet},
	{LevelCommunity, lang.LevelCommunity},
}

// Identity is where the center stands in the network: its code in the style
// of the statistical division codes (统计用区划代码), its level and the code
// of the center one level up. A center without a code is not in a network.
type Identity struct {
	Code   string
	Level  string
	Parent string
}

// Set reports whether the center has a code.
func (id Identity) Set() bool { return id.Code != "" }

// codeLength is how many digits a code of each level has.
var codeLength = map[string]int{LevelCity: 6, LevelDistrict: 6, LevelStreet: 9, LevelCommunity: 12}

// parentLevel is the level one up from each level.
var parentLevel = map[string]string{LevelDistrict: LevelCity, LevelStreet: LevelDistrict, LevelCommunity: LevelStreet}

// Validate checks the code's digits and length for its level and that the
// parent is a code one level up that the code belongs to: a street's first
// six digits are its district, a community's first nine its street, and a
// district shares its city's first four.
func (id Identity) Validate() error {
	n, ok := codeLength[id.Level]
	if !ok {
		return invalid("level", lang.LevelInvalid.Format(id.Level))
	}
	if !digits(id.Code, n) {
		return invalid("code", lang.CodeDigits.Format(levelName(id.Level), n, id.Code))
	}
	up, hasParent := parentLevel[id.Level]
	if !hasParent {
		if id.Parent != "" {
			return invalid("parent", lang.CityHasNoParent)
		}
		return nil
	}
	if !digits(id.Parent, codeLength[up]) {
		return invalid("parent", lang.ParentDigits.Format(levelName(id.Level), codeLength[up], levelName(up), id.Parent))
	}
	prefix := len(id.Parent)
	if id.Level == LevelDistrict {
		prefix = 4
	}
	if id.Code[:prefix] != id.Parent[:prefix] || id.Code == id.Parent {
		return invalid("parent", lang.CodeOutsideParent.Format(id.Code, id.Parent, prefix))
	}
	return nil
}

func digits(s string, n int) bool {
	if len(s) != n {
		return false
	}
	return strings.Trim(s, "0123456789") == ""
}

// Identity reads the center's place in the network; the zero Identity when
// init has not given it a code.
func (db *DB) Identity(ctx context.Context) (Identity, error) {
	var id Identity
	err := db.read(ctx, func(t *tx) (err error) {
		id, err = t.identity()
		return err
	})
	return id, err
}

func (t *tx) identity() (Identity, error) {
	var id Identity
	rows, err := t.Query("SELECT key, value FROM settings WHERE key IN ('center_code', 'center_level', 'center_parent')")
	if err != nil {
		return id, fmt.Errorf("read identity: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return id, fmt.Errorf("scan identity: %w", err)
		}
		switch k {
		case "center_code":
			id.Code = v
		case "center_level":
			id.Level = v
		case "center_parent":
			id.Parent = v
		}
	}
	return id, rows.Err()
}

// SetIdentity stores the center's code, level and parent after checking
// them. Storing the same identity again changes nothing.
func (db *DB) SetIdentity(ctx context.Context, id Identity) error {
	if err := id.Validate(); err != nil {
		return err
	}
	return db.write(ctx, func(t *tx) error {
		for k, v := range map[string]string{"center_code": id.Code, "center_level": id.Level, "center_parent": id.Parent} {
			if _, err := t.Exec(`INSERT INTO settings (key, value) VALUES (?, ?)
				ON CONFLICT (key) DO UPDATE SET value = excluded.value`, k, v); err != nil {
				return fmt.Errorf("store identity: %w", err)
			}
		}
		t.publish(KindSettings, "identity", 0, SourceDesk)
		return nil
	})
}

// levelName names a level in messages: its Chinese name, and in English its
// code (a city center, a street code).
func levelName(level string) lang.Text {
	return lang.Text{ZH: LabelOf(Levels, level).ZH, EN: level}
}
