package quote

import (
	"slices"
	"sort"

	"github.com/veille/veille"
)

// Indexes that keep Find linear-ish in the article's length: the direct
// quotations by span, the sentences by start, the mentions by start and
// the entities by ID. Each answers exactly what the linear scan it
// replaces answered, in the same order.

// spanIndex indexes a fixed list of quotations by content span so that
// those overlapping a range are found in O(log n + k).
type spanIndex struct {
	order      []int // positions in the indexed list, by content start (stable)
	start, end []int // content spans, in order
	tree       []int // segment tree of the largest end over order
}

func newSpanIndex(qs []*quote) *spanIndex {
	ix := &spanIndex{order: make([]int, len(qs))}
	for i := range ix.order {
		ix.order[i] = i
	}
	slices.SortStableFunc(ix.order, func(a, b int) int { return qs[a].content.Start - qs[b].content.Start })
	ix.start = make([]int, len(qs))
	ix.end = make([]int, len(qs))
	for i, o := range ix.order {
		ix.start[i], ix.end[i] = qs[o].content.Start, qs[o].content.End
	}
	if len(qs) > 0 {
		ix.tree = make([]int, 4*len(qs))
		ix.build(1, 0, len(qs))
	}
	return ix
}

func (ix *spanIndex) build(node, lo, hi int) int {
	if hi-lo == 1 {
		ix.tree[node] = ix.end[lo]
		return ix.tree[node]
	}
	mid := (lo + hi) / 2
	ix.tree[node] = max(ix.build(2*node, lo, mid), ix.build(2*node+1, mid, hi))
	return ix.tree[node]
}

// overlapping calls fn with the position in the indexed list of every
// quotation whose content starts before b and ends after a, until fn
// returns false; it reports whether fn stopped it.
func (ix *spanIndex) overlapping(a, b int, fn func(i int) bool) bool {
	hi := sort.SearchInts(ix.start, b) // starts < b: [0, hi)
	if hi == 0 {
		return false
	}
	return ix.visit(1, 0, len(ix.start), hi, a, fn)
}

func (ix *spanIndex) visit(node, lo, hi, limit, a int, fn func(int) bool) bool {
	if lo >= limit || ix.tree[node] <= a {
		return false
	}
	if hi-lo == 1 {
		return !fn(ix.order[lo])
	}
	mid := (lo + hi) / 2
	return ix.visit(2*node, lo, mid, limit, a, fn) || ix.visit(2*node+1, mid, hi, limit, a, fn)
}

// contains reports whether an indexed quotation's content holds pos.
func (ix *spanIndex) contains(pos int) bool {
	return ix.overlapping(pos, pos+1, func(int) bool { return false })
}

// orderedSpans reports whether spans are sorted, each within itself
// (Start <= End) and none overlapping the next.
func orderedSpans(ss []veille.Span) bool {
	for i, s := range ss {
		if s.Start > s.End || i > 0 && ss[i-1].End > s.Start {
			return false
		}
	}
	return true
}

// mentionIndex tells whether an.Mentions is sorted by start with no
// mention ending before it starts, and the longest mention's length.
type mentionIndex struct {
	sorted bool
	maxLen int
}

func newMentionIndex(ms []veille.Mention) mentionIndex {
	mi := mentionIndex{sorted: true}
	for i, m := range ms {
		if m.End < m.Start || i > 0 && ms[i-1].Start > m.Start {
			return mentionIndex{}
		}
		mi.maxLen = max(mi.maxLen, m.End-m.Start)
	}
	return mi
}

// mentionsFrom returns the index of the first mention starting at or
// after pos (mentions sorted).
func (f *finder) mentionsFrom(pos int) int {
	ms := f.an.Mentions
	return sort.Search(len(ms), func(i int) bool { return ms[i].Start >= pos })
}

// entityIndex maps an entity ID to its first position in an.Entities,
// and lists the persons with a role, in order.
type entityIndex struct {
	byID    map[string]int
	roled   []int
	affilOf map[string][]*veille.Entity // roleAffiliation by role
}

func (f *finder) entities() *entityIndex {
	if f.ents != nil {
		return f.ents
	}
	ix := &entityIndex{byID: make(map[string]int, len(f.an.Entities)), affilOf: map[string][]*veille.Entity{}}
	for i := range f.an.Entities {
		e := &f.an.Entities[i]
		if _, ok := ix.byID[e.ID]; !ok {
			ix.byID[e.ID] = i
		}
		if e.Type == veille.TypePER && e.Role != "" {
			ix.roled = append(ix.roled, i)
		}
	}
	f.ents = ix
	return ix
}
