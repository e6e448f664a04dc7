package store_test

import (
	"slices"
	"testing"

	"frontdesk/store"
)

func TestCreateVenue(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		db := mustOpen(t)
		v, err := db.CreateVenue(ctx, admin, store.VenueInput{Name: " 多功能厅 ", Capacity: 80, Facilities: "投影"})
		if err != nil {
			t.Fatal(err)
		}
		want := store.Venue{ID: v.ID, Name: "多功能厅", Capacity: 80, Facilities: "投影",
			OpensAt: store.Clock{Hour: 8}, ClosesAt: store.Clock{Hour: 21}, Active: true}
		if v != want {
			t.Errorf("venue: got %+v, want %+v", v, want)
		}
		got, err := db.Venue(ctx, v.ID)
		if err != nil || got != want {
			t.Errorf("stored venue: got %+v (%v), want %+v", got, err, want)
		}
	})
	t.Run("Hours", func(t *testing.T) {
		db := mustOpen(t)
		v, err := db.CreateVenue(ctx, admin, store.VenueInput{Name: "党员活动室", Capacity: 30, OpensAt: "9:00", ClosesAt: "17:30"})
		if err == nil {
			t.Fatalf("opens 9:00 (not HH:MM): got venue %+v, want an error", v)
		}
		wantCode(t, err, store.EINVALID, "opens_at")
		v, err = db.CreateVenue(ctx, admin, store.VenueInput{Name: "党员活动室", Capacity: 30, OpensAt: "09:00", ClosesAt: "17:30"})
		if err != nil {
			t.Fatal(err)
		}
		if v.OpensAt.String() != "09:00" || v.ClosesAt.String() != "17:30" {
			t.Errorf("hours: got %s–%s, want 09:00–17:30", v.OpensAt, v.ClosesAt)
		}
	})
	t.Run("ErrDuplicateName", func(t *testing.T) {
		db := mustOpen(t)
		mustCreateVenue(t, db, "多功能厅", 80)
		before := rowCounts(t, db.Path())
		_, err := db.CreateVenue(ctx, admin, store.VenueInput{Name: "多功能厅", Capacity: 10})
		wantCode(t, err, store.ECONFLICT, "name")
		wantSameCounts(t, before, rowCounts(t, db.Path()))
	})
}

func TestUpdateVenue(t *testing.T) {
	db := mustOpen(t)
	hall := mustCreateVenue(t, db, "多功能厅", 80)
	room := mustCreateVenue(t, db, "党员活动室", 30)
	t.Run("OK", func(t *testing.T) {
		_, err := db.UpdateVenue(ctx, admin, hall.ID, store.VenueInput{Name: "多功能报告厅", Capacity: 120, Facilities: "LED 屏", OpensAt: "07:30", ClosesAt: "22:00"})
		if err != nil {
			t.Fatal(err)
		}
		want := store.Venue{ID: hall.ID, Name: "多功能报告厅", Capacity: 120, Facilities: "LED 屏",
			OpensAt: store.Clock{Hour: 7, Minute: 30}, ClosesAt: store.Clock{Hour: 22}, Active: true}
		if got, _ := db.Venue(ctx, hall.ID); got != want {
			t.Errorf("updated venue: got %+v, want %+v", got, want)
		}
	})
	t.Run("ErrDuplicateName", func(t *testing.T) {
		_, err := db.UpdateVenue(ctx, admin, hall.ID, store.VenueInput{Name: "党员活动室", Capacity: 10})
		wantCode(t, err, store.ECONFLICT, "name")
		if got, _ := db.Venue(ctx, hall.ID); got.Name != "多功能报告厅" {
			t.Errorf("name after a refused rename: got %q, want 多功能报告厅", got.Name)
		}
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		_, err := db.UpdateVenue(ctx, admin, 999, store.VenueInput{Name: "无", Capacity: 10})
		wantCode(t, err, store.ENOTFOUND, "")
		wantCode(t, second(db.SetVenueActive(ctx, admin, 999, false, false)), store.ENOTFOUND, "")
	})
	t.Run("Deactivate", func(t *testing.T) {
		if _, err := db.SetVenueActive(ctx, admin, room.ID, false, false); err != nil {
			t.Fatal(err)
		}
		active, err := db.Venues(ctx, true)
		if err != nil {
			t.Fatal(err)
		}
		all, _ := db.Venues(ctx, false)
		var gotActive, gotAll []int64
		for _, v := range active {
			gotActive = append(gotActive, v.ID)
		}
		for _, v := range all {
			gotAll = append(gotAll, v.ID)
		}
		if !slices.Equal(gotActive, []int64{hall.ID}) || !slices.Equal(gotAll, []int64{hall.ID, room.ID}) {
			t.Errorf("venues: got active %v all %v, want active [%d] all [%d %d]", gotActive, gotAll, hall.ID, hall.ID, room.ID)
		}
		_, err = db.CreateBooking(ctx, booking(room.ID, baseDay.AddDays(1), "14:00", "16:00"))
		wantCode(t, err, store.EINVALID, "venue")
		if _, err := db.SetVenueActive(ctx, admin, room.ID, true, false); err != nil {
			t.Fatal(err)
		}
		mustBook(t, db, booking(room.ID, baseDay.AddDays(1), "14:00", "16:00"))
	})
}

func TestParseVenueSpec(t *testing.T) {
	for _, c := range []struct {
		spec        string
		want        store.VenueInput
		wantErrCode string
	}{
		{"多功能厅:80", store.VenueInput{Name: "多功能厅", Capacity: 80, OpensAt: "08:00", ClosesAt: "21:00"}, ""},
		{"党员活动室:30:09:00-17:30", store.VenueInput{Name: "党员活动室", Capacity: 30, OpensAt: "09:00", ClosesAt: "17:30"}, ""},
		{"多功能厅", store.VenueInput{}, store.EINVALID},
		{"多功能厅:八十", store.VenueInput{}, store.EINVALID},
		{"多功能厅:0", store.VenueInput{}, store.EINVALID},
		{":80", store.VenueInput{}, store.EINVALID},
		{"多功能厅:80:09:00", store.VenueInput{}, store.EINVALID},
		{"多功能厅:80:18:00-09:00", store.VenueInput{}, store.EINVALID},
	} {
		t.Run(c.spec, func(t *testing.T) {
			got, err := store.ParseVenueSpec(c.spec)
			if c.wantErrCode != "" {
				wantCode(t, err, c.wantErrCode, "")
				return
			}
			if err != nil || got != c.want {
				t.Errorf("ParseVenueSpec(%q): got %+v (%v), want %+v", c.spec, got, err, c.want)
			}
		})
	}
}
