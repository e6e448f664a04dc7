package store_test

import (
	"testing"

	"frontdesk/store"
)

func TestIdentityValidate(t *testing.T) {
	ok := []store.Identity{
		{Code: "140200", Level: "city"},
		{Code: "140213", Level: "district", Parent: "140200"},
		{Code: "140213001", Level: "street", Parent: "140213"},
		{Code: "140213001002", Level: "community", Parent: "140213001"},
	}
	for _, id := range ok {
		if err := id.Validate(); err != nil {
			t.Errorf("%+v: got %v, want nil", id, err)
		}
	}
	bad := []struct {
		name  string
		id    store.Identity
		field string
	}{
		{"UnknownLevel", store.Identity{Code: "140200", Level: "province"}, "level"},
		{"ShortCode", store.Identity{Code: "14020", Level: "city"}, "code"},
		{"Letters", store.Identity{Code: "14021a001", Level: "street", Parent: "140213"}, "code"},
		{"StreetWithCommunityLength", store.Identity{Code: "140213001002", Level: "street", Parent: "140213"}, "code"},
		{"CityWithParent", store.Identity{Code: "140200", Level: "city", Parent: "140000"}, "parent"},
		{"NoParent", store.Identity{Code: "140213001", Level: "street"}, "parent"},
		{"ParentTwoLevelsUp", store.Identity{Code: "140213001002", Level: "community", Parent: "140213"}, "parent"},
		{"ParentElsewhere", store.Identity{Code: "140213001002", Level: "community", Parent: "140214001"}, "parent"},
		{"DistrictOfOtherCity", store.Identity{Code: "140313", Level: "district", Parent: "140200"}, "parent"},
		{"OwnParent", store.Identity{Code: "140200", Level: "district", Parent: "140200"}, "parent"},
	}
	for _, c := range bad {
		t.Run(c.name, func(t *testing.T) { wantCode(t, c.id.Validate(), store.EINVALID, c.field) })
	}
}

func TestSetIdentity(t *testing.T) {
	db := mustOpen(t)
	if id, err := db.Identity(ctx); err != nil || id.Set() {
		t.Fatalf("fresh file: got %+v, %v, want no identity", id, err)
	}
	want := store.Identity{Code: "140213001", Level: "street", Parent: "140213"}
	if err := db.SetIdentity(ctx, want); err != nil {
		t.Fatal(err)
	}
	wantCode(t, db.SetIdentity(ctx, store.Identity{Code: "1", Level: "street", Parent: "140213"}), store.EINVALID, "code")
	got, err := db.Identity(ctx)
	if err != nil || got != want {
		t.Fatalf("got %+v, %v, want %+v (a refused change keeps the old one)", got, err, want)
	}
}
