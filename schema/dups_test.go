package schema

import "testing"

// TestNewsAgencyWrittenLowerCase: an agency that writes its own acronym in
// lower case ("dpa") is the agency; the English word "agency" is none.
func TestNewsAgencyWrittenLowerCase(t *testing.T) {
	s := mustLoad(t)
	if o, ok := s.Org("dpa"); !ok || o.Name != "Deutsche Presse-Agentur" {
		t.Errorf(`Org("dpa") = %+v, %v`, o, ok)
	}
	if o, ok := s.Org("agency"); ok {
		t.Errorf(`Org("agency") = %+v`, o)
	}
}
