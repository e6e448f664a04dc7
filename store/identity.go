package store

import (
	"context"
	"fmt"
	"strings"
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
	{LevelCity, "市级", "City"},
	{LevelDistrict, "区级", "District"},
	{LevelStreet, "街道", "Street"},
	{LevelCommunity, "社区", "Community"},
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
		return invalid("level", fmt.Sprintf("级别“%s”无效，应为 city、district、street 或 community", id.Level),
			fmt.Sprintf("level %q is not city, district, street or community", id.Level))
	}
	if !digits(id.Code, n) {
		return invalid("code", fmt.Sprintf("%s中心的代码应为 %d 位数字（统计用区划代码），而不是“%s”", LabelOf(Levels, id.Level).ZH, n, id.Code),
			fmt.Sprintf("a %s center's code is %d digits (a statistical division code), not %q", id.Level, n, id.Code))
	}
	up, hasParent := parentLevel[id.Level]
	if !hasParent {
		if id.Parent != "" {
			return invalid("parent", "市级中心没有上级", "a city center has no parent")
		}
		return nil
	}
	if !digits(id.Parent, codeLength[up]) {
		return invalid("parent", fmt.Sprintf("%s中心的上级应为 %d 位的%s代码（--parent），而不是“%s”",
			LabelOf(Levels, id.Level).ZH, codeLength[up], LabelOf(Levels, up).ZH, id.Parent),
			fmt.Sprintf("a %s center's parent is a %d-digit %s code (--parent), not %q", id.Level, codeLength[up], up, id.Parent))
	}
	prefix := len(id.Parent)
	if id.Level == LevelDistrict {
		prefix = 4
	}
	if id.Code[:prefix] != id.Parent[:prefix] || id.Code == id.Parent {
		return invalid("parent", fmt.Sprintf("代码 %s 不属于上级 %s（前 %d 位应相同）", id.Code, id.Parent, prefix),
			fmt.Sprintf("code %s does not belong to parent %s (the first %d digits must agree)", id.Code, id.Parent, prefix))
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
	err := db.read(ctx, func(t *tx) error {
		rows, err := t.Query("SELECT key, value FROM settings WHERE key IN ('center_code', 'center_level', 'center_parent')")
		if err != nil {
			return fmt.Errorf("read identity: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			var k, v string
			if err := rows.Scan(&k, &v); err != nil {
				return fmt.Errorf("scan identity: %w", err)
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
		return rows.Err()
	})
	return id, err
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
		t.publish(KindSettings, "identity", 0, "desk")
		return nil
	})
}
