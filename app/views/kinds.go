package views

import (
	"fmt"
	"strings"
)

// Kind names a chart. The string values are what the command line and
// saved settings use, so they never change.
type Kind string

// The chart kinds.
const (
	GABreakdown         Kind = "ga-breakdown"           // yes/no/abstain/non-voting of each roll call
	ByGroup             Kind = "by-group"               // one roll call split by UN regional group
	SCAbstentions       Kind = "sc-abstentions"         // Security Council abstentions per member
	SCAbstentionsByYear Kind = "sc-abstentions-by-year" // permanent members' abstentions per year
	AgreementTime       Kind = "agreement-time"         // a reference country's agreement with others, per year
	AgreementRank       Kind = "agreement-rank"         // countries ranked by agreement with a reference
	AgreementMatrix     Kind = "agreement-matrix"       // agreement of every pair of the selected countries
	VoteGrid            Kind = "vote-grid"              // the selected countries' votes side by side
)

// Kinds lists every kind in menu order.
func Kinds() []Kind {
	return []Kind{GABreakdown, ByGroup, SCAbstentions, SCAbstentionsByYear, AgreementTime, AgreementRank, AgreementMatrix, VoteGrid}
}

// Label is the kind's name in menus.
func (k Kind) Label() string {
	switch k {
	case GABreakdown:
		return "How each roll call split"
	case ByGroup:
		return "One roll call by regional group"
	case SCAbstentions:
		return "Security Council abstentions"
	case SCAbstentionsByYear:
		return "Permanent members' abstentions by year"
	case AgreementTime:
		return "Agreement over time"
	case AgreementRank:
		return "Agreement ranking"
	case AgreementMatrix:
		return "Agreement matrix"
	case VoteGrid:
		return "Votes side by side"
	}
	return string(k)
}

// ParseKind reads a kind's id, ignoring case.
func ParseKind(s string) (Kind, error) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, k := range Kinds() {
		if string(k) == s {
			return k, nil
		}
	}
	ids := make([]string, 0, len(Kinds()))
	for _, k := range Kinds() {
		ids = append(ids, string(k))
	}
	return "", fmt.Errorf("unknown chart %q (one of %s)", s, strings.Join(ids, ", "))
}
