package store

import "frontdesk/lang"

// Label is a stored code with its Chinese and English names. Codes are what
// the database, the JSON report and forms carry; names are what people read.
type Label struct {
	Code string
	lang.Text
}

// Visit purposes (来访事由).
var Purposes = []Label{
	{"business", lang.Business},
	{"consult", lang.Enquiry},
	{"activity", lang.Activity},
	{"party_report", lang.PartyMemberReport},
	{"volunteer", lang.VolunteerService},
	{"study_tour", lang.StudyTour},
	{"other", lang.Other},
}

// Request categories (诉求类别).
var Categories = []Label{
	{"policy", lang.PolicyEnquiry},
	{"social_security", lang.SocialMedicalInsurance},
	{"employment", lang.JobsStartUps},
	{"elderly_disability", lang.ElderlyDisability},
	{"housing", lang.HousingProperty},
	{"environment", lang.EnvironmentSanitation},
	{"mediation", lang.DisputeMediation},
	{"party_service", lang.PartyMemberServices},
	{"other", lang.Other},
}

// Urgencies of a request; urgent is 急难愁盼.
var Urgencies = []Label{
	{"normal", lang.Normal},
	{"urgent", lang.Urgent},
}

// Booking purposes (活动类型).
var BookingPurposes = []Label{
	{"party_day", lang.PartyDay},
	{"three_one", lang.PartyMeetingsLecture},
	{"volunteer", lang.VolunteerService},
	{"training", lang.Training},
	{"residents", lang.ResidentsActivity},
	{"other", lang.Other},
}

// Satisfactions a visitor can give a resolved request.
var Satisfactions = []Label{
	{"satisfied", lang.Satisfied},
	{"basic", lang.FairlySatisfied},
	{"unsatisfied", lang.Unsatisfied},
}

// Sources of a record.
var Sources = []Label{
	{SourceDesk, lang.Desk},
	{SourceKiosk, lang.Kiosk},
}

// LabelOf finds the label for a code in list; an unknown code is its own name.
func LabelOf(list []Label, code string) Label {
	for _, l := range list {
		if l.Code == code {
			return l
		}
	}
	return Label{Code: code, Text: lang.Text{ZH: code, EN: code}}
}

// parseLabel accepts a code or either name and returns the code.
func parseLabel(list []Label, s string) (string, bool) {
	for _, l := range list {
		if s == l.Code || s == l.ZH || s == l.EN {
			return l.Code, true
		}
	}
	return "", false
}

// Where a record or a change comes from: the Code of a Sources label, as
// records and events carry it.
const (
	SourceDesk  = "desk"  // the staff, at a desk or over SSH
	SourceKiosk = "kiosk" // a visitor's phone
)

// ActorKiosk is the actor recorded for what visitors do themselves on their
// status page (cancel, rate, check out).
const ActorKiosk = "kiosk"
