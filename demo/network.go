package demo

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync"

	"frontdesk/lang"
	"frontdesk/store"
)

// NetworkCenter is one center of the demo network: its place in the tree,
// its name and the file it lives in.
type NetworkCenter struct {
	store.Identity
	Name string
	Path string
	Summary
}

// network is a small district of Datong (平城区): the district center, three
// streets and four communities under each.
var network = []struct {
	code, level, parent, name string
}{
	{"140213", store.LevelDistrict, "140200", "平城区党群服务中心"},
	{"140213001", store.LevelStreet, "140213", "南关街道党群服务中心"},
	{"140213002", store.LevelStreet, "140213", "北关街道党群服务中心"},
	{"140213003", store.LevelStreet, "140213", "新建南路街道党群服务中心"},
	{"140213001001", store.LevelCommunity, "140213001", "鼓楼社区党群服务中心"},
	{"140213001002", store.LevelCommunity, "140213001", "九龙壁社区党群服务中心"},
	{"140213001003", store.LevelCommunity, "140213001", "大南街社区党群服务中心"},
	{"140213001004", store.LevelCommunity, "140213001", "清远社区党群服务中心"},
	{"140213002001", store.LevelCommunity, "140213002", "华严社区党群服务中心"},
	{"140213002002", store.LevelCommunity, "140213002", "大北街社区党群服务中心"},
	{"140213002003", store.LevelCommunity, "140213002", "武定社区党群服务中心"},
	{"140213002004", store.LevelCommunity, "140213002", "永泰社区党群服务中心"},
	{"140213003001", store.LevelCommunity, "140213003", "魏都社区党群服务中心"},
	{"140213003002", store.LevelCommunity, "140213003", "御河社区党群服务中心"},
	{"140213003003", store.LevelCommunity, "140213003", "文瀛湖社区党群服务中心"},
	{"140213003004", store.LevelCommunity, "140213003", "同泉社区党群服务中心"},
}

// GenerateNetwork makes the demo district in dir: one file per center,
// named by its code (140213001001.db), each with a month of its own data
// from its own seed (seed, seed+1, …) and its code, level and parent set,
// ready to sync. Files that exist are refused, as Generate refuses a file
// with records. Centers are generated a few at a time.
func GenerateNetwork(ctx context.Context, dir string, seed int64) ([]NetworkCenter, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("demo: make %s: %w", dir, err)
	}
	out := make([]NetworkCenter, len(network))
	for i, c := range network {
		out[i] = NetworkCenter{Identity: store.Identity{Code: c.code, Level: c.level, Parent: c.parent}, Name: c.name,
			Path: filepath.Join(dir, c.code+".db")}
		if _, err := os.Stat(out[i].Path); err == nil {
			return nil, store.Errorf(store.ECONFLICT, lang.NetworkDirNotEmpty.Format(out[i].Path))
		}
	}
	errs := make([]error, len(out))
	sem := make(chan struct{}, 4)
	var wg sync.WaitGroup
	for i := range out {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			errs[i] = generateCenter(ctx, &out[i], seed+int64(i))
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return nil, err
		}
	}
	return out, nil
}

func generateCenter(ctx context.Context, c *NetworkCenter, seed int64) error {
	db, err := store.Open(c.Path)
	if err != nil {
		return err
	}
	err = db.Init(ctx, store.InitInput{Center: c.Name})
	if err == nil {
		err = db.SetIdentity(ctx, c.Identity)
	}
	if err == nil {
		c.Summary, err = Generate(ctx, db, seed)
	}
	if cerr := db.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("demo: %s: %w", c.Code, err)
	}
	return nil
}
