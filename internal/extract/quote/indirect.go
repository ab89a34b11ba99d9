package quote

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/veille/veille"
	"github.com/veille/veille/internal/nlp"
)

// indirect finds reported speech without quote marks in sentence s:
// "De sources X, …", "Selon X, …", "X a déclaré que …", "X said …",
// "…, selon X", "…, a ajouté X".
func (f *finder) indirect(s veille.Span) {
	if f.lang != "en" || !strings.ContainsAny(f.text[s.Start:s.End], "\"“”'") {
		f.indirectIn(s)
		return
	}
	// Around quotations the segmenter may miss a sentence's end: "…
	// imports. ''We must not …,'' he told me. Still, …". Split after a
	// ".", "?" or "!" that a lower-case word or a closing mark ends and a
	// quote mark or a capitalized word follows.
	toks := nlp.Tokenize(f.text, s.Start, s.End)
	from := s.Start
	for j := 1; j+1 < len(toks); j++ {
		t, next := toks[j], toks[j+1]
		if t.Kind != nlp.Punct || !strings.ContainsRune(".?!", firstRune(t.Text(f.text))) || next.Start == t.End {
			continue
		}
		prev := toks[j-1].Text(f.text)
		if toks[j-1].Kind == nlp.Word && (isCap(prev) || len(prev) < 2) {
			continue // "Mr. Doe", "U.S. Senate", "a.m. Friday"
		}
		if n := next.Text(f.text); !isQuoteMark(firstRune(n)) && !strings.HasPrefix(f.text[next.Start:], "''") && !(next.Kind == nlp.Word && isCap(n)) {
			continue
		}
		f.indirectIn(veille.Span{Start: from, End: t.End})
		from = next.Start
	}
	f.indirectIn(veille.Span{Start: from, End: s.End})
}

// indirectIn is indirect on one sentence.
func (f *finder) indirectIn(s veille.Span) {
	if f.directs.contains(s.Start) {
		return
	}
	f.sentFirst = len(f.out)
	toks := nlp.Tokenize(f.text, s.Start, s.End)
	if len(toks) < 4 {
		return
	}
	f.wc.reset(toks)
	defer f.wc.reset(nil)
	end := s.End
	for end > s.Start && strings.ContainsRune(". \n\t!;", rune(f.text[end-1])) {
		end--
	}
	w0 := f.word(toks[0])
	// Leading "De sources diplomatiques citées par Reuters, …", "Selon X, …".
	lead := ""
	skip := 1
	switch {
	case f.lang == "fr" && (w0 == "selon" || w0 == "d'apres"):
		lead = "selon"
	case f.lang == "fr" && w0 == "d'" && f.word(toks[1]) == "apres":
		lead, skip = "selon", 2
	case f.lang == "fr" && w0 == "de" && strings.HasPrefix(f.word(toks[1]), "source"):
		lead = "de"
	case f.lang == "fr" && w0 == "pour" && (isCap(toks[1].Text(f.text)) && !pronouns[f.word(toks[1])] || determiners[f.word(toks[1])] && f.word(toks[1]) != "ce" && f.word(toks[1]) != "cette" && !frPourAdverbial[f.word(toks[2])] || f.word(toks[1]) == "certains"):
		// « Pour le ministre, … » is the minister's view; « Pour
		// l'instant, … » is no one's.
		lead = "selon"
	case f.lang == "en" && w0 == "according" && f.word(toks[1]) == "to":
		lead, skip = "selon", 2
	}
	if lead != "" {
		for j := skip; j < len(toks) && j < 20; j++ {
			if toks[j].Kind == nlp.Punct && toks[j].Text(f.text) == "," && j > skip && j+1 < len(toks) {
				if isCap(toks[j+1].Text(f.text)) && f.nameRunsToEnd(toks[:min(len(toks), j+7)], j+1) && j+1 < len(toks) && f.appositionComma(toks, j+1) {
					continue // "Selon la fédération des banques, Febelfin, …"
				}
				if w := f.word(toks[skip]); w == "nos" || w == "notre" {
					return // "selon nos informations": the outlet itself
				}
				q := &quote{kind: "indirect", content: veille.Span{Start: toks[j+1].Start, End: end}}
				if lead == "selon" {
					q.cue = veille.Span{Start: toks[0].Start, End: toks[skip-1].End}
					q.spk = veille.Span{Start: toks[skip].Start, End: toks[j-1].End}
				} else {
					q.cue = veille.Span{Start: toks[0].Start, End: toks[0].End}
					q.spk = veille.Span{Start: toks[1].Start, End: toks[j-1].End}
				}
				f.add(q)
				return
			}
		}
	}
	if f.lang == "en" && f.headlineLabel(toks, end) {
		return
	}
	// "X a déclaré que …", "X said (that) …"; then "X a démenti …".
	n := len(f.out)
	f.reported(toks, end, false)
	f.reported(toks, end, true, len(f.out) > n)
	if f.lx.nouns != nil {
		f.nounCues(toks, end, n)
	}
	if f.lang == "en" {
		f.enPassiveReports(toks, end, n)
		f.enUnlistedThat(toks, end, n)
		f.enImpersonal(toks, end, n)
	}
	if f.lang == "fr" {
		f.relative(toks, end)
	}
	if len(f.out) == n {
		f.inverted(toks, end)
		if f.lang == "en" && len(f.out) == n {
			f.enAccordingTail(toks, end)
		}
	} else if f.lang == "fr" {
		// "…, selon le HCR, qui fait état de …": an inverted cue before
		// the quotation found after it.
		f.inverted(toks, end, f.out[n:]...)
	} else {
		// "The plan failed, the mayor said, adding that …": the
		// participle speaks for the incise's speaker.
		f.enIncise(toks, end, f.out[n:]...)
		// "Voters would see taxes rise, according to X.": the closing
		// cue reports the whole sentence, reports inside it included.
		f.invertedTail(toks, end)
	}
}

// reported finds "X a déclaré que …" (objects false) or "X a démenti la
// fermeture …" (objects true) in the sentence toks.
func (f *finder) reported(toks []nlp.Token, end int, objects bool, onlyCoordinated ...bool) bool {
	found := len(f.out)
	added := false
	titleCase := f.lang == "en" && f.titleCase(toks)
	for v := 1; v < len(toks)-2; v++ {
		vEnd := v // last word of a multiword verb ("a fait état de")
		multi := false
		if n := f.multiwordAt(toks, v); n > 0 {
			vEnd, multi = v+n-1, true
		} else if !f.isVerb(toks[v]) {
			continue
		}
		if f.lang == "en" && isCap(toks[v].Text(f.text)) && isCap(toks[v-1].Text(f.text)) && toks[v-1].Kind == nlp.Word && !titleCase {
			continue // a name's word: "the United States"
		}
		if f.lang == "en" && f.enNotReporting(toks, v) {
			continue
		}
		if objects && f.insideFound(found, toks[v].Start) {
			continue
		}
		k := vEnd + 1
		w := f.word(toks[k])
		if f.lang == "fr" {
			reach := v + 3
			if w == "a" || w == "au" || w == "aux" {
				reach = v + 9 // "a déclaré à l'agence de presse Reuters que"
			}
			for k < len(toks)-1 && k <= reach && w != "que" && w != "qu'" && toks[k].Kind == nlp.Word && !f.isVerb(toks[k]) {
				k++
				w = f.word(toks[k])
			}
			switch {
			case (w == "que" || w == "qu'") && k+1 < len(toks):
				k++
			case !objects && infinitiveVerbs[nlp.Fold(f.lx.verbs[f.word(toks[vEnd])])] && vEnd+1 < len(toks)-1 && f.infinitiveAt(toks[vEnd+1]):
				k = vEnd + 1 // "a déclaré vouloir …", "dit avoir …"
			case objects && (multi || f.objectVerb(toks[v])) && vEnd+1 < len(toks) && toks[vEnd+1].Kind == nlp.Word && !f.isVerb(toks[vEnd+1]) && (frAux[f.word(toks[v-1])] || !determiners[f.word(toks[v-1])]):
				k = vEnd + 1
				if prepositions[f.word(toks[k])] {
					continue // "considéré comme responsable", "salué par X"
				}
				lemma := nlp.Fold(f.lx.verbs[f.word(toks[v])])
				if w := f.word(toks[k]); (w == "de" || w == "d'" || w == "contre" || w == "sur") && (multi || lemma == "accuser" || lemma == "parler" || infinitive(f.word(toks[k+1]))) && k+1 < len(toks) && toks[k+1].Kind == nlp.Word {
					k++ // "accusé de crimes", "a fait état de", "mis en garde contre"
				}
				for k < len(toks)-1 && (adverbs[f.word(toks[k])] || weekdays[f.word(toks[k])]) {
					k++
				}
				switch f.word(toks[k]) {
				case "a", "à", "au", "aux":
					// "a appelé le président à intervenir", "a appelé au
					// président d'intervenir": the infinitive.
					// the first "de"/"à" before an infinitive, else the
					// first at all.
					// Without an infinitive, an object after the
					// indirect one: "recommande aux usagers l'achat…".
					first, det := -1, -1
					for j := k + 1; j < len(toks)-1 && j < k+14; j++ {
						if w := f.word(toks[j]); first < 0 && det < 0 && j > k+1 && f.word(toks[k]) != "a" && (determiners[w] || w == "un" || w == "une" || w == "des") {
							det = j
						}
						if w := f.word(toks[j]); w == "d'" || w == "de" || w == "a" {
							if first < 0 {
								first = j + 1
							}
							if infinitive(f.word(toks[j+1])) {
								first = j + 1
								break
							}
						}
					}
					if det > 0 && (first < 0 || !infinitive(f.word(toks[first]))) {
						k = det
					} else if first > 0 {
						k = first
					}
				}
				if k >= len(toks) || toks[k].Kind != nlp.Word {
					continue
				}
			default:
				continue
			}
		} else {
			lemma := f.lx.verbs[f.word(toks[v])]
			if strings.HasSuffix(lemma, " out") && f.word(toks[k]) == "out" && k+1 < len(toks) {
				vEnd, k = k, k+1 // "pointed out that"
			}
			if lemma == "tell" && toks[k].Kind == nlp.Word {
				// "told a meeting of island leaders that …", "told the
				// forum he was …": the hearers, then "that", a wh- word
				// or a subject pronoun.
				h := -1
				for j := k + 1; j < len(toks)-1 && j <= k+9; j++ {
					w := f.word(toks[j])
					if w == "that" || enWh[w] || enSubject[w] && w != "there" && w != "this" {
						h = j
						break
					}
					if toks[j].Kind != nlp.Word && !strings.ContainsRune("'’\"“”", firstRune(toks[j].Text(f.text))) || f.isVerb(toks[j]) || enFinite[w] {
						break
					}
				}
				if h > 0 {
					k = h
				} else {
					k++ // told reporters / told Reuters
					for k < len(toks)-1 && toks[k].Kind == nlp.Word && isCap(toks[k].Text(f.text)) && isCap(toks[k-1].Text(f.text)) && !pronouns[f.word(toks[k])] {
						k++ // the rest of a name: "told Fox News the plan …"
					}
				}
			}
			if k >= len(toks) {
				continue
			}
			k = f.enLeadIn(toks, k)
			if j := f.enWhenRun(toks, k); j > k && j < len(toks) && toks[j].Text(f.text) == "," {
				continue // "The truth, the senator said then, was …": an incise
			}
			w = f.word(toks[k])
			if toks[k].Kind == nlp.Punct && !isDollar(f.text, toks[k]) || f.enPassive(toks, v) {
				continue
			}
			switch {
			case w == "that":
			case (enWh[w] || w == "if") && (enClausal[lemma] || lemma == "say" || lemma == "tell" || lemma == "ask") && k+1 < len(toks) && toks[k+1].Kind == nlp.Word:
				// "explained how …", "asked whether …", "isn't saying if …".
			case lemma == "say" || lemma == "tell":
				if enStop[w] && w != "the" && w != "a" && w != "an" && !(determiners[w] && f.enClauseAt(toks, k)) {
					continue
				}
				if lemma == "tell" && !f.enClauseAt(toks, k) {
					continue // "told The Daily Post on Thursday."
				}
			case !objects && enClausal[lemma] && f.enClauseAt(toks, k):
			case objects && (enObject[lemma] || enParticles[w] && k+1 < len(toks) && toks[k+1].Kind == nlp.Word):
				// "called for X", "called on X to …": the particle
				// belongs to the cue.
				// "worried about X", "spoke of X", "ruled against X".
				if (lemma == "call" && (w == "for" || w == "on") || enParticles[w] && lemma != "call") && k+1 < len(toks) && toks[k+1].Kind == nlp.Word {
					vEnd, k = k, k+1
					w = f.word(toks[k])
				}
				if enStop[w] && !determiners[w] && w != "a" && w != "an" && w != "to" {
					continue
				}
				// "asked Clinton about her emails", "pressed him on
				// taxes": what is reported follows the particle.
				k = f.enAfterObject(toks, k)
			default:
				continue
			}
		}
		c := v
		for c > 0 && (f.lang == "fr" && (frAux[f.word(toks[c-1])] || adverbs[f.word(toks[c-1])] && c > 1 && (frAux[f.word(toks[c-2])] || adverbs[f.word(toks[c-2])])) || f.lang == "en" && (enAux[f.word(toks[c-1])] || enBe[f.word(toks[c-1])] && strings.HasSuffix(f.word(toks[v]), "ing") || f.enAdverb(toks[c-1]) && c > 1 && enAux[f.word(toks[c-2])])) {
			c--
		}
		if f.lang == "en" && c > 0 && (toks[c-1].Text(f.text) == "," || isQuoteMark(firstRune(toks[c-1].Text(f.text))) || strings.HasPrefix(toks[c-1].Text(f.text), "'")) && enInverts[lemmaOf(f, toks[v])] && f.enInvertedAt(toks, k) {
			continue // "…, said X", "“…” said X": inverted, read elsewhere
		}
		q := &quote{kind: "indirect", content: veille.Span{Start: toks[k].Start, End: end}, cue: veille.Span{Start: toks[c].Start, End: toks[vEnd].End}}
		f.subjectBackward(q, toks, c)
		if q.spk.End == 0 {
			f.sentenceSubject(q, toks, c)
		}
		if q.spk.End == 0 {
			q.inherit = true
		}
		if f.lang == "en" && f.lx.verbs[f.word(toks[v])] == "tell" && v+1 < len(toks) {
			f.viaAt(q, toks, v+1)
		}
		var coordinated bool
		q.content.End, coordinated = f.clauseEnd(toks, k, end, objects)
		if len(onlyCoordinated) > 0 && onlyCoordinated[0] && !coordinated && !(f.lang == "en" && (f.endsBeforeCues(q, f.sentFirst))) {
			continue
		}
		f.add(q)
		if f.lang != "en" {
			return true
		}
		// English reports nest ("X said Bloomberg reports that …"): read
		// on after this cue for more.
		added = true
		v = k
	}
	return added
}

// clauseEnd cuts reported content before a comma that opens another
// clause (", tandis que", ", qui", ", selon").
// maxContentTokens bounds the content of one indirect report (about
// 1,500 bytes of text; news sentences rarely reach a third of it).
const maxContentTokens = 300

func (f *finder) clauseEnd(toks []nlp.Token, k, end int, objects bool) (int, bool) {
	last := len(toks)
	coordinated := false
	// An English object ("criticized the plan, saying …", "urged voters
	// to turn out, adding …") ends at its first comma outside quote
	// marks; a clause after "that" or a wh- word goes on.
	npObject := f.lang == "en" && objects && f.word(toks[k]) != "that" && !enWh[f.word(toks[k])]
	quoted, verbal := false, f.word(toks[k]) == "to"
	// "that although he confessed, he showed no remorse": a fronted
	// subordinate clause or adverbial ends at a comma that the main
	// clause follows.
	first := k
	if f.word(toks[k]) == "that" && k+1 < len(toks) {
		first = k + 1
	}
	fw := f.word(toks[first])
	fronted := enSubordinators[fw] || prepositions[fw] || enFronted[fw]
	if len(toks) > k+maxContentTokens {
		// A report's content holds at most maxContentTokens tokens, so
		// that a sentence of thousands of reports (a list, a table
		// without full stops) costs time in proportion to its length.
		last = k + maxContentTokens
		toks = toks[:last+1]
	}
	for j := k + 1; j < len(toks)-1; j++ {
		if npObject && toks[j].Kind == nlp.Punct {
			switch p := toks[j].Text(f.text); {
			case p == "“":
				quoted = true
			case p == "”":
				quoted = false
			case p == "," && !quoted && !enObjectGoesOn[f.word(toks[j+1])]:
				last = j
			}
			if last == j {
				break
			}
		}
		if npObject && f.word(toks[j-1]) == "to" {
			verbal = true
		}
		if npObject && j > k+1 && !quoted && f.enAdverbialAt(toks, j, verbal) {
			last = j
			break
		}
		if toks[j].Kind == nlp.Punct && toks[j].Text(f.text) == "," && (clauseOpeners[f.word(toks[j+1])] && !(f.lang == "en" && enKeptOpeners[f.word(toks[j+1])]) || j+2 < len(toks) && pastParticiple(toks[j+1].Text(f.text)) && prepositions[f.word(toks[j+2])] || f.lang == "fr" && f.gerundAt(toks, j+1)) {
			last = j
			break
		}
		if f.lang == "en" && f.enClauseBreak(toks, j) {
			last = j
			break
		}
		// "that he likes the plan, he also stated a day earlier, “If …”":
		// a clause with its own speaker and reporting verb after a comma
		// reports something else, unless the report goes on after it
		// ("that the plan, he said, would fail").
		if f.lang == "en" && j > k+2 && !quoted && !fronted && toks[j].Text(f.text) == "," && !f.directs.contains(toks[j].Start) {
			if v := f.enReportVerbAt(toks, j+1); v > 0 {
				e := v + 1
				for e < len(toks) && e < v+10 && toks[e].Kind == nlp.Word {
					e++
				}
				if !(e+1 < len(toks) && toks[e].Text(f.text) == "," && toks[e+1].Kind == nlp.Word) {
					last = j
					break
				}
			}
		}
		// "… on imports. ''We must …'' he said.": a sentence break the
		// segmenter missed, before a quotation.
		if f.lang == "en" && toks[j].Kind == nlp.Punct && strings.ContainsRune(".?!", firstRune(toks[j].Text(f.text))) && toks[j+1].Start > toks[j].End && (isQuoteMark(firstRune(toks[j+1].Text(f.text))) || strings.HasPrefix(f.text[toks[j+1].Start:], "''")) {
			last = j + 1
			break
		}
		// "called the claim “true,” but …": a quotation closed after its
		// comma ends the report.
		if f.lang == "en" && j > k+1 && toks[j].Kind == nlp.Punct && strings.ContainsRune("”\"", firstRune(toks[j].Text(f.text))) && toks[j-1].Text(f.text) == "," && j+1 < len(toks)-1 && toks[j+1].Start > toks[j].End {
			last = j + 1
			break
		}
		// "declined the post and has since left": an object ends at a
		// coordinated finite verb.
		if npObject && (f.word(toks[j]) == "and" || f.word(toks[j]) == "but") && f.enFiniteAt(toks, j+1) {
			last = j
			break
		}
		// "said it was opposed and warned …": a coordinated verb
		// phrase reports something else; so does a coordinated clause
		// with its own reporting verb ("— and he noted that …").
		if f.lang == "en" && (f.word(toks[j]) == "and" || f.word(toks[j]) == "but" || f.word(toks[j]) == "yet") && (f.enVerbPhraseAt(toks, j+1) || j > k+2 && f.enReportClauseAt(toks, j+1) && !f.directs.contains(toks[j].Start)) {
			last = j
			if p := toks[j-1].Text(f.text); p == "," || p == "—" || p == "--" || p == "–" {
				last = j - 1
			}
			break
		}
		// "nie cette affirmation et affirme que …": a noun phrase ends
		// at a coordinated verb.
		if objects && f.word(toks[j]) == "et" && (f.isVerb(toks[j+1]) || frAux[f.word(toks[j+1])]) {
			last, coordinated = j, true
			break
		}
	}
	// Trailing dates: "… en juin", "… mardi".
	for last-1 > k {
		w := f.word(toks[last-1])
		switch {
		case toks[last-1].Kind == nlp.Punct && strings.ContainsRune(".;,", firstRune(toks[last-1].Text(f.text))):
		case weekdays[w] && f.lang == "fr":
		case months[w] && last-2 > k && f.word(toks[last-2]) == "en":
			last--
		default:
			if last == len(toks) {
				return end, coordinated
			}
			return toks[last-1].End, coordinated
		}
		last--
	}
	return toks[last-1].End, coordinated
}

// insideFound reports whether pos is inside one of f.out[:n]: a direct
// quotation, or an indirect one; when the sentences are ordered, those
// found before the current sentence end before it.
func (f *finder) insideFound(n, pos int) bool {
	if f.directs.contains(pos) {
		return true
	}
	from := f.nd
	if f.sentsOK {
		from = max(from, f.sentFirst)
	}
	return inside(f.out[from:n], pos)
}

func inside(qs []*quote, pos int) bool {
	for _, q := range qs {
		if q.content.Start <= pos && pos < q.content.End {
			return true
		}
	}
	return false
}

// infinitive reports whether a folded French word looks like an
// infinitive.
func infinitive(w string) bool {
	return len(w) > 3 && (strings.HasSuffix(w, "er") || strings.HasSuffix(w, "ir") || strings.HasSuffix(w, "re"))
}

// inverted finds "…, selon X." and "…, a ajouté X." / "…, X said.": the
// cue and speaker must close the sentence.
func (f *finder) inverted(toks []nlp.Token, end int, found ...*quote) {
	if f.lang == "fr" && f.incise(toks, end) || f.lang == "en" && f.enIncise(toks, end) {
		return
	}
	f.invertedTail(toks, end, found...)
}

// invertedTail finds "…, selon X." and "…, X said." closing the sentence;
// found are the quotations already found in it.
func (f *finder) invertedTail(toks []nlp.Token, end int, found ...*quote) {
	tries := 0
	for j := len(toks) - 2; j > 2 && tries < 3; j-- {
		if toks[j].Kind != nlp.Punct || toks[j].Text(f.text) != "," {
			continue
		}
		tries++
		// The content starts after a ";" or ":" that ends another clause.
		start := 0
		for i := j - 1; i > 0 && f.lang == "fr"; i-- {
			if r := firstRune(toks[i].Text(f.text)); toks[i].Kind == nlp.Punct && (r == ';' || r == ':') {
				start = i + 1
				break
			}
		}
		if f.lang == "en" {
			start = f.enSkipOpener(toks, start, j)
		}
		if start >= j {
			return
		}
		q := &quote{kind: "indirect", content: veille.Span{Start: toks[start].Start, End: toks[j].Start}}
		// The sentence's own tokens from the comma, as cueAfter would
		// cut them: up to end and 400 bytes.
		limit := min(end, toks[j].Start+400)
		tail := toks[j:]
		for len(tail) > 0 && tail[len(tail)-1].End > limit {
			tail = tail[:len(tail)-1]
		}
		if !f.cueAfterToks(q, tail, true) {
			if w := f.word(toks[j+1]); f.lang == "en" && tries == 1 && (enSubordinators[w] || w == "as") {
				continue // "…, X said Friday, as they left."
			}
			if tries == 1 && len(found) == 0 && !(f.lang == "fr" && f.nameBefore(toks, j) && f.frApposition(toks[j].Start, end)) {
				return
			}
			continue
		}
		if f.lang == "en" && (!f.enSpeakerPhrase(tail, q.spk) || strings.HasSuffix(f.text[q.cue.Start:q.cue.End], "ing")) {
			return // "…, said members will help": a clause, not a speaker
		}
		if f.lang == "en" && q.spk.Start == f.cueEndSpace(q) && (prepositions[nlp.Fold(strings.Fields(f.text[q.spk.Start:q.spk.End])[0])] || lemmaOfText(f, q.cue) == "tell") {
			return // "…, said at a rally": no speaker after the verb; "…, told Reuters": the hearer
		}
		if w := nlp.Fold(f.text[q.spk.Start:q.spk.End]); strings.HasPrefix(w, "ses ") || strings.HasPrefix(w, "son ") || strings.HasPrefix(w, "sa ") || strings.HasPrefix(w, "leur") {
			return // "…, a poursuivi ses visites": an object, not a speaker
		}
		closes := max(q.spk.End, q.cue.End)
		appos := f.lang == "fr" && closes < end-1 && f.frApposition(closes, end) && !closesQuote(f.text[:toks[j].Start]) && f.nameEnds(q.spk)
		if f.lang == "fr" && len(found) > 0 && (closes >= end-1 || appos) {
			// "On s'attendait à ce que X propose …, explique Y.": the
			// report found inside is part of Y's.
			var kept []*quote
			for _, o := range found {
				if o.content.Start < q.cue.Start && q.cue.Start < o.content.End {
					o.drop = true
					continue
				}
				kept = append(kept, o)
			}
			found = kept
		}
		for _, o := range found {
			if o.content.Start < q.content.End && q.content.Start < o.content.End {
				return
			}
		}
		if (closes >= end-1 || f.lang == "en" && f.sentFirst == len(f.out) && f.enTrailer(q, closes, end) || appos) && len(found) == 0 {
			f.add(q)
			return
		}
		// "…, selon le HCR, qui fait état de …": the speaker ends at a
		// relative clause.
		if f.lang == "fr" && tries > 1 {
			if rest := nlp.Tokenize(f.text, closes, end); len(rest) > 1 && rest[0].Text(f.text) == "," && (f.word(rest[1]) == "qui" || f.word(rest[1]) == "dont") {
				f.add(q)
			}
		}
		return
	}
}

// incise finds reported speech cut by an inverted verb between commas:
// "La foule s'est dispersée, dit-il, avant l'aube." gives two pieces
// with the same cue and speaker.
func (f *finder) incise(toks []nlp.Token, end int) bool {
	for j := 2; j+2 < len(toks); j++ {
		if toks[j-1].Text(f.text) != "," || toks[j+1].Text(f.text) != "," {
			continue
		}
		head, pron, ok := f.splitInverted(toks[j])
		if !ok || nlp.Fold(f.text[pron.Start:pron.End]) == "on" {
			continue // "dit-on" hedges; it reports no one
		}
		if _, isV := f.lx.verbs[head]; !isV {
			continue
		}
		cue := veille.Span{Start: toks[j].Start, End: pron.Start - 1}
		if j-1 >= 3 {
			f.add(&quote{kind: "indirect", content: veille.Span{Start: toks[0].Start, End: toks[j-1].Start}, cue: cue, spk: pron})
		}
		if len(toks)-(j+2) >= 3 && !isQuoteMark(firstRune(toks[j+2].Text(f.text))) {
			f.add(&quote{kind: "indirect", content: veille.Span{Start: toks[j+2].Start, End: end}, cue: cue, spk: pron})
		}
		return true
	}
	return false
}

// infinitiveAt reports whether t is a lower-case French infinitive that
// can follow a declarative verb ("a déclaré vouloir").
func (f *finder) infinitiveAt(t nlp.Token) bool {
	w := f.word(t)
	return t.Kind == nlp.Word && !isCap(t.Text(f.text)) && !weekdays[w] && !f.isVerb(t) && (strings.HasSuffix(w, "er") || strings.HasSuffix(w, "ir") || strings.HasSuffix(w, "oir") || w == "etre" || w == "avoir")
}

// gerundAt reports whether a present participle opens the clause at
// toks[i], after an optional clitic: ", le qualifiant de …", ", ajoutant".
func (f *finder) gerundAt(toks []nlp.Token, i int) bool {
	if i < len(toks) && clitics[f.word(toks[i])] {
		i++
	}
	if i >= len(toks) || toks[i].Kind != nlp.Word {
		return false
	}
	w := f.word(toks[i])
	return len(w) > 5 && strings.HasSuffix(w, "ant") && !isCap(toks[i].Text(f.text))
}

// multiwordAt returns the length of a multiword reporting verb starting
// at toks[v] ("fait état", "mis en garde"), 0 when none.
func (f *finder) multiwordAt(toks []nlp.Token, v int) int {
	if f.lang != "fr" {
		return 0
	}
	w := f.word(toks[v])
	if w != "fait" && w != "mis" && w != "faisait" {
		return 0
	}
	phrase := w
	for n := 2; n <= 3 && v+n-1 < len(toks); n++ {
		phrase += " " + f.word(toks[v+n-1])
		if multiword[phrase] == n {
			return n
		}
	}
	return 0
}

// appositionComma reports whether the capitalized words from toks[i] end
// at a comma.
func (f *finder) appositionComma(toks []nlp.Token, i int) bool {
	for k := i; k < len(toks) && k < i+6; k++ {
		if toks[k].Kind == nlp.Punct {
			return toks[k].Text(f.text) == ","
		}
		if !isCap(toks[k].Text(f.text)) && !particle(f.word(toks[k])) {
			return false
		}
	}
	return false
}

// objectVerb reports whether t is a form of a verb whose object is what
// it reports.
func (f *finder) objectVerb(t nlp.Token) bool {
	lemma, ok := f.lx.verbs[f.word(t)]
	return ok && objectVerbs[nlp.Fold(lemma)]
}

func (f *finder) add(q *quote) {
	q.content.Start, q.content.End = trimSpace(f.text, q.content.Start, q.content.End)
	if q.content.End <= q.content.Start || anonymityFormula(nlp.Fold(f.text[q.content.Start:q.content.End])) {
		return
	}
	f.out = append(f.out, q)
}

// anonymityFormula reports whether the folded content of a report is
// only the source's request not to be named ("who asked not to be
// named", « qui a requis l'anonymat »): no statement.
func anonymityFormula(c string) bool {
	c = strings.TrimRight(c, " .,;")
	for _, p := range []string{"not to be named", "not to be identified", "anonymity", "l'anonymat", "anonymat", "ne pas etre nomme", "ne pas etre identifie"} {
		if c == p || strings.HasSuffix(c, " "+p) && len(c) < len(p)+20 {
			return true
		}
	}
	return false
}

// merge reconciles indirect quotations with the direct ones they hold:
// an indirect one that is only a direct quotation is dropped (the
// direct one keeps its cue); one that holds a direct quotation and more
// becomes "mixed" and replaces it.
func (f *finder) merge() {
	var ds []int
	var held []*quote
	for _, in := range f.out {
		if in.kind != "indirect" {
			continue
		}
		// The direct quotations that may overlap in, in f.out's order.
		ds = ds[:0]
		f.directs.overlapping(in.content.Start, in.content.End, func(i int) bool {
			ds = append(ds, i)
			return true
		})
		slices.Sort(ds)
		// The directs in holds are dropped only if in is kept: a report
		// that a later direct quotation shows to be part of it does not
		// take a quotation nested in that one with it.
		held = held[:0]
		for _, i := range ds {
			d := f.out[i]
			if d.drop {
				continue
			}
			ov := min(in.content.End, d.content.End) - max(in.content.Start, d.content.Start)
			if ov <= 0 {
				continue
			}
			inner := strings.Trim(f.text[in.content.Start:in.content.End], "«»“”\"„‹› \u00a0\u202f.,")
			dd := strings.Trim(f.text[d.content.Start:d.content.End], "«»“”\"„‹› \u00a0\u202f.,")
			switch {
			case inner == dd || in.content.Start >= d.content.Start:
				in.drop = true
				if d.inherit && in.spk.End > 0 {
					d.cue, d.spk, d.inherit = in.cue, in.spk, false
				}
			case d.content.Start >= in.content.Start && d.content.End <= in.content.End:
				in.kind = "mixed"
				held = append(held, d)
			default:
				in.drop = true
			}
			if in.drop {
				break
			}
		}
		if !in.drop {
			for _, d := range held {
				d.drop = true
			}
		}
	}
	out := f.out[:0]
	for _, q := range f.out {
		if !q.drop {
			out = append(out, q)
		}
	}
	f.out = out
}

// enNotReporting reports whether the English verb form toks[v] is not a
// reporting verb here: a noun after a possessive ("Friday's tweets"), a
// phrasal verb ("show up"), or a comparison ("compared with last year").
func (f *finder) enNotReporting(toks []nlp.Token, v int) bool {
	if v == 0 {
		return false
	}
	w, p := f.word(toks[v]), f.word(toks[v-1])
	if v+1 < len(toks) {
		switch next := f.word(toks[v+1]); f.lx.verbs[w] {
		case "show":
			return next == "up"
		case "compare":
			return next == "to" || next == "with" // "rose 5%, compared with 3% last year"
		}
	}
	if (p == "'s" || p == "’s") && v >= 2 {
		p = f.word(toks[v-2]) + p
	}
	base, ok := strings.CutSuffix(strings.ReplaceAll(p, "’", "'"), "'s")
	return ok && base != "" && !enContracted[base] // "he's said" is "he has said"
}

// dropNested drops the English reports whose cue lies inside what
// another quotation reports: "X says an internal review shows …" is X's
// report; the review's finding is part of its content, not a second
// quotation.
func (f *finder) dropNested() {
	if len(f.out) < 2 {
		return
	}
	byStart := make([]*quote, len(f.out))
	copy(byStart, f.out)
	slices.SortStableFunc(byStart, func(a, b *quote) int { return a.content.Start - b.content.Start })
	byCue := make([]*quote, 0, len(f.out))
	for _, q := range f.out {
		if q.kind != "direct" && q.cue.End > q.cue.Start {
			byCue = append(byCue, q)
		}
	}
	slices.SortStableFunc(byCue, func(a, b *quote) int { return a.cue.Start - b.cue.Start })
	// The two quotations reaching furthest among those starting at or
	// before the cue: one of them is not the report itself.
	var far1, far2 *quote
	i := 0
	for _, q := range byCue {
		for ; i < len(byStart) && byStart[i].content.Start <= q.cue.Start; i++ {
			p := byStart[i]
			switch {
			case far1 == nil || p.content.End > far1.content.End:
				far1, far2 = p, far1
			case far2 == nil || p.content.End > far2.content.End:
				far2 = p
			}
		}
		outer := far1
		if outer == q {
			outer = far2
		}
		if outer == nil || outer.content.End < q.cue.End {
			continue
		}
		if to := strings.TrimSpace(f.text[outer.content.Start:q.cue.Start]); outer.kind == "indirect" && (to == "to" || to == "not to") {
			// "refused to disclose the records": the verb after "to"
			// reports, for the subject of the one before.
			outer.drop = true
			continue
		}
		if cut, ok := f.clauseBefore(outer.content.Start, q); ok && outer.kind != "direct" {
			// "X said A, while B prefers C": B's report ends X's.
			outer.content.End = cut
			continue
		}
		q.drop = true
	}
	out := f.out[:0]
	for _, q := range f.out {
		if !q.drop {
			out = append(out, q)
		}
	}
	f.out = out
}

// clauseBefore reports whether the subject of report q, a verb of
// saying nested in content starting at from, opens a clause of its own:
// after a conjunction ("…, while B prefers", "after she attacked", "which she
// plans"); cut is where the content before it ends.
func (f *finder) clauseBefore(from int, q *quote) (cut int, ok bool) {
	at := q.spk.Start
	if q.spk.End <= q.spk.Start || at > q.cue.Start {
		at = q.cue.Start
	}
	i := at
	for i > from && f.text[i-1] == ' ' {
		i--
	}
	j := i
	for j > from && f.text[j-1] != ' ' {
		j--
	}
	if j <= from || !enClauseLinks[strings.ToLower(f.text[j:i])] || !enInverts[f.lx.verbs[lastWord(f.text[q.cue.Start:q.cue.End])]] {
		return 0, false
	}
	cut = j
	for cut > from && strings.ContainsRune(" ,;—–-", rune(f.text[cut-1])) {
		cut--
	}
	return cut, cut > from
}

// lastWord is the last word of s, lower-cased.
func lastWord(s string) string {
	ws := strings.Fields(s)
	if len(ws) == 0 {
		return ""
	}
	return strings.ToLower(ws[len(ws)-1])
}

// enPassive reports whether the English verb toks[v] is passive or
// adjectival ("was criticized by", "the proposed plan", "so-called"),
// so that its subject is not the speaker.
func (f *finder) enPassive(toks []nlp.Token, v int) bool {
	if v == 0 {
		return false
	}
	p := f.word(toks[v-1])
	if v >= 2 && (f.enAdverb(toks[v-1]) || p == "not") && enBe[f.word(toks[v-2])] {
		p = f.word(toks[v-2]) // "is widely believed", "was not told"
	}
	if enBe[p] && strings.HasSuffix(f.word(toks[v]), "ing") {
		return false // progressive: "is calling for"
	}
	if enBe[p] || determiners[p] || p == "a" || p == "an" || p == "so" || p == "-" {
		return true
	}
	return v >= 2 && f.word(toks[v-2]) == "so" && p == "-"
}

// enClauseAt reports whether a clause without "that" starts at toks[k]
// ("argued the plan would fail", "believes he can win"): a subject
// pronoun, or a noun phrase followed within a few words by a finite verb.
func (f *finder) enClauseAt(toks []nlp.Token, k int) bool {
	w := f.word(toks[k])
	if enSubject[w] {
		return true
	}
	if !determiners[w] && !enDeterminers[w] && !isCap(toks[k].Text(f.text)) && !unicode.IsDigit(firstRune(w)) && (prepositions[w] || enStop[w] || f.isVerb(toks[k]) || enFinite[w] || strings.HasSuffix(w, "ly")) {
		return false
	}
	for j := k + 1; j < len(toks) && j <= k+12; j++ {
		if toks[j].Kind == nlp.Punct && !strings.ContainsRune("'’-“”\"", firstRune(toks[j].Text(f.text))) {
			return false
		}
		x := f.word(toks[j])
		if enFinite[x] || strings.HasSuffix(x, "n't") {
			return true
		}
	}
	return false
}

// pastParticiple reports whether w looks like a French past participle
// ("créé", "fondées") that opens an apposition after a comma.
func pastParticiple(w string) bool {
	w = strings.ToLower(w)
	for _, suf := range []string{"é", "ée", "és", "ées"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf)+2 {
			return true
		}
	}
	return false
}

// relative finds reported content after "selon lesquels" and its kin:
// "les propos du ministre selon lesquels la route est coupée"; the
// speaker is the complement of the noun before ("du ministre").
func (f *finder) relative(toks []nlp.Token, end int) {
	for j := 1; j+2 < len(toks); j++ {
		if f.word(toks[j]) != "selon" || !relativePronouns[f.word(toks[j+1])] {
			continue
		}
		q := &quote{kind: "indirect", content: veille.Span{Start: toks[j+2].Start, End: end}, cue: veille.Span{Start: toks[j].Start, End: toks[j+1].End}}
		for i := j - 1; i > 0 && i >= j-5; i-- {
			if w := f.word(toks[i]); w == "du" || w == "de" || w == "des" || w == "d'" {
				if i+1 < j {
					q.spk = veille.Span{Start: toks[i+1].Start, End: toks[j-1].End}
				}
				break
			}
		}
		if q.spk.End == 0 {
			return
		}
		q.content.End, _ = f.clauseEnd(toks, j+2, end, false)
		f.add(q)
		return
	}
}

func isQuoteMark(r rune) bool { return strings.ContainsRune("«»“”\"„‹›", r) }

// enLeadIn skips the when, where and how between an English reporting
// verb and its "that" or wh- clause ("said Friday that", "told
// reporters in a statement on Monday how"): the clause starts at k's
// return.
func (f *finder) enLeadIn(toks []nlp.Token, k int) int {
	if k < len(toks) && prepositions[f.word(toks[k])] && f.word(toks[k]) != "to" {
		// "says at a campaign stop in Toledo, Ohio, that …": a
		// prepositional phrase before "that".
		for j := k + 1; j < len(toks)-1 && j <= k+12; j++ {
			w := f.word(toks[j])
			if w == "that" {
				if p := toks[j-1]; p.Text(f.text) == "," || weekdays[f.word(p)] || isCap(p.Text(f.text)) {
					return j
				}
				break // "called for changes to the rules that …": a relative
			}
			if f.isVerb(toks[j]) || enFinite[w] || enWh[w] {
				break
			}
		}
	}
	for j := k; j < len(toks)-1 && j < k+9; j++ {
		w := f.word(toks[j])
		if j > k && (w == "that" || enWh[w]) {
			return j
		}
		if toks[j].Kind != nlp.Word && j > k && (isQuoteMark(firstRune(toks[j].Text(f.text))) || toks[j].Text(f.text) == ",") {
			continue // "said on “Meet the Press,” that"
		}
		if toks[j].Kind != nlp.Word || !(weekdays[w] || enLeadWords[w] || isCap(toks[j].Text(f.text)) && j > k) {
			return k
		}
	}
	return k
}

// enInvertedAt reports whether the words from toks[k] after a reporting
// verb are its subject rather than what it reports ("…, said one GOP
// source in the room."): a name or a determined noun phrase with no
// finite verb, up to a comma or the end.
func (f *finder) enInvertedAt(toks []nlp.Token, k int) bool {
	w := f.word(toks[k])
	if enSubject[w] || w == "that" || f.enClauseAt(toks, k) {
		return false
	}
	if !isCap(toks[k].Text(f.text)) && !determiners[w] && !indefinite[w] {
		return false
	}
	skipped := 0 // tokens in parentheses: "Rep. Jane Roe (D-N.C.)"
	for j := k; j < len(toks); j++ {
		x := f.word(toks[j])
		if toks[j].Kind == nlp.Punct && toks[j].Text(f.text) == "(" {
			for j+1 < len(toks) && toks[j].Text(f.text) != ")" && skipped < 10 {
				j++
				skipped++
			}
			continue
		}
		if toks[j].Kind == nlp.Punct && toks[j].Text(f.text) == "," {
			break
		}
		if j-skipped >= k+7 || enFinite[x] || x == "that" || strings.HasSuffix(x, "n't") || strings.HasSuffix(x, "ed") && !isCap(toks[j].Text(f.text)) {
			return false
		}
	}
	return true
}

func lemmaOf(f *finder, t nlp.Token) string { return f.lx.verbs[f.word(t)] }

// enIncise finds English reported speech cut by its cue between commas:
// "Lenox was a juggernaut, Mr. Clarke said, until it went bankrupt." or
// "…, said Mr. Clarke, …". Each side long enough is a piece with the
// same cue and speaker.
//
// found are the reports already read in the sentence: then an incise is
// read when a participle report follows it ("…, the mayor said, adding
// that …"), which takes its speaker, or when they all follow it.
func (f *finder) enIncise(toks []nlp.Token, end int, found ...*quote) bool {
	comma := func(i int) bool { return i < len(toks) && toks[i].Kind == nlp.Punct && toks[i].Text(f.text) == "," }
	for j := 2; j+3 < len(toks); j++ {
		if !comma(j) {
			continue
		}
		var cue, spk veille.Span
		close := -1
		if enInverts[lemmaOf(f, toks[j+1])] {
			// ", said X,"
			for e := j + 2; e < len(toks) && e <= j+6; e++ {
				if comma(e) {
					if e > j+2 && f.enInvertedAt(toks, j+2) {
						cue, spk, close = veille.Span{Start: toks[j+1].Start, End: toks[j+1].End}, veille.Span{Start: toks[j+2].Start, End: toks[e-1].End}, e
					}
					break
				}
			}
		} else {
			// ", X said,", ", Mr. Doe often says,"
			for v := j + 1; v < len(toks)-1 && v <= j+6; v++ {
				if toks[v].Kind != nlp.Word {
					if toks[v].Text(f.text) == "." && v > j+1 && isCap(toks[v-1].Text(f.text)) && len(toks[v-1].Text(f.text)) <= 4 {
						continue // "Mr.", "Sen."
					}
					break
				}
				if v > j+1 && enInverts[lemmaOf(f, toks[v])] && !comma(v+1) {
					// ", he told me on Friday,", ", X said Tuesday,":
					// the hearer and when, up to the comma.
					c := v + 1
					for c < len(toks)-1 && c <= v+5 && toks[c].Kind == nlp.Word && f.enWhenOrHearer(toks[c]) {
						c++
					}
					if c > v+1 && comma(c) {
						w := f.word(toks[j+1])
						if v == j+2 && enSubject[w] || v <= j+4 && (isCap(toks[j+1].Text(f.text)) || determiners[w] || indefinite[w]) {
							cue, spk, close = veille.Span{Start: toks[v].Start, End: toks[v].End}, veille.Span{Start: toks[j+1].Start, End: toks[v-1].End}, c
						}
					}
					break
				}
				if v > j+1 && enInverts[lemmaOf(f, toks[v])] && comma(v+1) {
					w := f.word(toks[j+1])
					se := v - 1
					for se > j+1 && f.enAdverb(toks[se]) || se > j+1 && adverbs[f.word(toks[se])] {
						se-- // "Mr. Doe often says"
					}
					if v == j+2 && enSubject[w] || isCap(toks[j+1].Text(f.text)) || determiners[w] || indefinite[w] {
						cue, spk, close = veille.Span{Start: toks[v].Start, End: toks[v].End}, veille.Span{Start: toks[j+1].Start, End: toks[se].End}, v+1
					}
					break
				}
			}
		}
		if close < 0 {
			continue
		}
		if len(found) > 0 {
			var part *quote
			for _, q := range found {
				if close+1 < len(toks) && q.cue.Start == toks[close+1].Start && f.participleAt(toks[close+1]) {
					part = q
				}
			}
			if part != nil && j >= 3 {
				part.spk, part.ante, part.inherit = spk, veille.Span{}, false
				f.add(&quote{kind: "indirect", content: veille.Span{Start: toks[0].Start, End: toks[j].Start}, cue: cue, spk: spk})
				return true
			}
			// Reports found after the incise only are part of what it
			// reports ("The truth, he said, was that they had attacked
			// …"); dropNested drops them.
			for _, q := range found {
				if q.cue.Start < toks[close].End {
					return false
				}
			}
		}
		w0 := f.word(toks[0])
		before, after := j >= 2 && !adverbs[w0] && !enSubordinators[w0] || j >= 3, len(toks)-(close+1) >= 3 && !isQuoteMark(firstRune(toks[close+1].Text(f.text))) && !f.participleAdjunct(toks, close+1)
		if !before && !after {
			return false
		}
		if before {
			f.add(&quote{kind: "indirect", content: veille.Span{Start: toks[0].Start, End: toks[j].Start}, cue: cue, spk: spk})
		}
		if after {
			q := &quote{kind: "indirect", content: veille.Span{Start: toks[close+1].Start, End: end}, cue: cue, spk: spk}
			q.content.End, _ = f.clauseEnd(toks, close+1, end, false)
			f.add(q)
		}
		return true
	}
	return false
}

// enWhenOrHearer reports whether t may stand between an inverted
// reporting verb and its closing comma: a weekday, or a lead word in
// lower case ("told me on Friday", "said Tuesday").
func (f *finder) enWhenOrHearer(t nlp.Token) bool {
	w := f.word(t)
	if weekdays[w] {
		return true
	}
	return enLeadWords[w] && !isCap(t.Text(f.text))
}

// enWhenRun returns the index after the words from toks[k] that may
// stand between an inverted verb and its comma (enWhenOrHearer), at most
// four.
func (f *finder) enWhenRun(toks []nlp.Token, k int) int {
	j := k
	for j < len(toks) && j < k+4 && toks[j].Kind == nlp.Word && f.enWhenOrHearer(toks[j]) {
		j++
	}
	return j
}

// participleAdjunct reports whether a participle phrase without a finite
// verb starts at toks[i]: "…, Twitter announced, gaining followers"
// reports nothing after the incise; "…, he said, replacing her would be
// hard" does.
func (f *finder) participleAdjunct(toks []nlp.Token, i int) bool {
	if !f.participleAt(toks[i]) {
		return false
	}
	for j := i + 1; j < len(toks) && j <= i+8; j++ {
		if w := f.word(toks[j]); enFinite[w] || strings.HasSuffix(w, "n't") {
			return false
		}
	}
	return true
}

// participleAt reports whether t is a lower-case English present
// participle ("…, Twitter announced, gaining …"): what follows it is not
// reported.
func (f *finder) participleAt(t nlp.Token) bool {
	w := f.word(t)
	return t.Kind == nlp.Word && len(w) > 5 && strings.HasSuffix(w, "ing") && !isCap(t.Text(f.text))
}

// enReportClauseAt reports whether a clause with its own subject and
// reporting verb starts at toks[i]: a subject pronoun or up to three
// capitalized words, then the verb, adverbs and auxiliaries aside ("he
// noted", "Democrats accused", "Mr. Doe has said").
func (f *finder) enReportClauseAt(toks []nlp.Token, i int) bool {
	return f.enReportVerbAt(toks, i) > 0
}

// enReportVerbAt is the index of the reporting verb of the clause
// enReportClauseAt finds at toks[i], or -1.
func (f *finder) enReportVerbAt(toks []nlp.Token, i int) int {
	if i >= len(toks) || toks[i].Kind != nlp.Word {
		return -1
	}
	j := i
	switch w := f.word(toks[i]); {
	case enSubject[w] && w != "there" && w != "this" && w != "it":
		j++
	case isCap(toks[i].Text(f.text)) && !enSubject[w]:
		for j < len(toks) && j < i+3 && (toks[j].Kind == nlp.Word && isCap(toks[j].Text(f.text)) || toks[j].Text(f.text) == ".") {
			j++
		}
	default:
		return -1
	}
	for j < len(toks) && (enAux[f.word(toks[j])] || f.enAdverb(toks[j])) {
		j++
	}
	if j < len(toks) && j > i && f.isVerb(toks[j]) && !isCap(toks[j].Text(f.text)) && !strings.HasSuffix(f.word(toks[j]), "ing") {
		return j
	}
	return -1
}

// enVerbPhraseAt reports whether a reporting verb phrase starts at
// toks[i], adverbs aside: "and warned …" starts another report, "and was
// qualified" continues this one.
func (f *finder) enVerbPhraseAt(toks []nlp.Token, i int) bool {
	for i < len(toks) && adverbs[f.word(toks[i])] {
		i++
	}
	if i >= len(toks) || toks[i].Kind != nlp.Word || isCap(toks[i].Text(f.text)) {
		return false
	}
	w := f.word(toks[i])
	return f.isVerb(toks[i]) && !strings.HasSuffix(w, "ing")
}

// enSpeakerPhrase reports whether the tokens of toks within sp read as
// an English speaker phrase: at most 16 tokens, without a finite verb, a
// reporting verb or "that".
func (f *finder) enSpeakerPhrase(toks []nlp.Token, sp veille.Span) bool {
	n := 0
	for _, t := range toks {
		if t.Start < sp.Start || t.End > sp.End {
			continue
		}
		if n++; n > 16 {
			return false
		}
		w := f.word(t)
		if enFinite[w] || w == "that" || strings.HasSuffix(w, "n't") || f.isVerb(t) && !isCap(t.Text(f.text)) {
			return false
		}
	}
	return true
}

// nounCues finds what a noun of saying reports: "Trump's claims that …",
// "his pledge to …", "criticism of the plan". The speaker is the
// possessor before the noun ("Trump's", "his"), none without one; the
// content runs from "that" or "to" (kept) or after "of", "about" … to
// the clause's end. Reports found from n on are not read twice.
func (f *finder) nounCues(toks []nlp.Token, end, n int) {
	for i := 0; i+3 < len(toks); i++ {
		if toks[i].Kind != nlp.Word || i > 0 && isCap(toks[i].Text(f.text)) {
			continue
		}
		opens := f.lx.nouns[f.word(toks[i])]
		if opens == nil {
			continue
		}
		j := i + 1
		w := f.word(toks[j])
		if !opens[w] || toks[j+1].Kind != nlp.Word {
			continue
		}
		k := j + 1 // content after "of", "about"…
		if w == "that" || w == "to" {
			k = j
		}
		if w == "that" && enFinite[f.word(toks[j+1])] {
			continue // "the claims that were made": a relative clause
		}
		if w == "to" && !f.enInfinitiveAt(toks, j+1) {
			continue
		}
		if inside(f.out[n:], toks[k].Start) || weekdays[f.word(toks[k])] {
			continue
		}
		q := &quote{kind: "indirect", content: veille.Span{Start: toks[k].Start, End: end}, cue: veille.Span{Start: toks[i].Start, End: toks[k-1].End}}
		if k == j {
			q.cue.End = toks[i].End
		}
		// The possessor: "his", "Trump's", "the senator's"; the subject
		// when the noun is a verb's form ("continued to call for").
		if i > 0 && (f.word(toks[i-1]) == "to" || enFinite[f.word(toks[i-1])] || enAux[f.word(toks[i-1])] || enSubject[f.word(toks[i-1])]) {
			f.subjectBackward(q, toks, i)
		} else if i > 0 {
			p := toks[i-1]
			pw := f.word(p)
			switch {
			case enPossessives[pw]:
				q.spk = veille.Span{Start: p.Start, End: p.End}
			case strings.HasSuffix(pw, "'s") || strings.HasSuffix(pw, "’s"):
				s := i - 1
				if pw == "'s" || pw == "’s" {
					s-- // "mayor" "'s"
				}
				for s > 0 && toks[s-1].Kind == nlp.Word && isCap(toks[s-1].Text(f.text)) && s > i-5 {
					s--
				}
				if s > 0 && !isCap(toks[s].Text(f.text)) && (determiners[f.word(toks[s-1])] || f.word(toks[s-1]) == "a") {
					s--
				}
				if s >= 0 {
					q.spk = veille.Span{Start: toks[s].Start, End: p.End}
				}
			}
		}
		q.content.End, _ = f.clauseEnd(toks, k, end, true)
		if q.content.End-q.content.Start < 8 {
			continue
		}
		f.add(q)
		i = k
	}
}

// enInfinitiveAt reports whether toks[i], after "to", is a bare verb
// rather than a noun phrase: not a determiner, name or number.
func (f *finder) enInfinitiveAt(toks []nlp.Token, i int) bool {
	t := toks[i]
	w := f.word(t)
	return t.Kind == nlp.Word && !isCap(t.Text(f.text)) && !determiners[w] && w != "a" && w != "an" && !unicode.IsDigit(firstRune(w)) && !enSubject[w]
}

// enAdverb reports whether t is a lower-case English "-ly" adverb.
func (f *finder) enAdverb(t nlp.Token) bool {
	w := f.word(t)
	return t.Kind == nlp.Word && len(w) > 4 && strings.HasSuffix(w, "ly") && !isCap(t.Text(f.text))
}

// enClauseBreak reports whether an English report ends before toks[j]:
// a semicolon, a dash before a participle ("— lambasting the plan"), or
// a comma before "though" or "especially".
func (f *finder) enClauseBreak(toks []nlp.Token, j int) bool {
	t := toks[j]
	if t.Kind != nlp.Punct || j+1 >= len(toks) {
		return false
	}
	p := t.Text(f.text)
	next := toks[j+1]
	nw := f.word(next)
	switch {
	case p == ";":
		return true
	case p == "—" || p == "--" || p == "–" || p == "―":
		return next.Kind == nlp.Word && !isCap(next.Text(f.text)) && len(nw) > 5 && strings.HasSuffix(nw, "ing")
	case p == ",":
		if nw == "though" || nw == "although" || nw == "especially" {
			return true
		}

	}
	return false
}

// headlineLabel finds a headline's speaker label at the start of a line:
// "Senator: We Will Not Back Down" reports the words after the colon; one
// to three capitalized words before it, not a label such as "Update:".
func (f *finder) headlineLabel(toks []nlp.Token, end int) bool {
	if toks[0].Start > 0 && f.text[toks[0].Start-1] != '\n' {
		return false
	}
	for i := 1; i <= 3 && i+3 < len(toks); i++ {
		if toks[i].Text(f.text) != ":" {
			if toks[i].Kind != nlp.Word || !isCap(toks[i].Text(f.text)) {
				return false
			}
			continue
		}
		if !isCap(toks[0].Text(f.text)) || enLabels[f.word(toks[0])] || enLabels[f.word(toks[i-1])] || toks[i+1].Kind != nlp.Word {
			return false // "Update:", "The Latest:"
		}
		f.add(&quote{kind: "indirect", content: veille.Span{Start: toks[i+1].Start, End: end},
			cue: veille.Span{Start: toks[i].Start, End: toks[i].End}, spk: veille.Span{Start: toks[0].Start, End: toks[i-1].End}})
		return true
	}
	return false
}

// endsBeforeCues reports whether q, a report found in a second pass over
// its sentence, ends before the cues of the reports f.out[n:] found in
// the first, which then go on from it: "X mocked the plan, saying …".
func (f *finder) endsBeforeCues(q *quote, n int) bool {
	if n >= len(f.out) {
		return false
	}
	for _, o := range f.out[n:] {
		if o.cue.End == 0 || q.content.End > o.cue.Start || q.cue.Start > o.cue.Start {
			return false
		}
	}
	return true
}

// enAfterObject returns where the reported part starts when an object
// verb's object is a pronoun or a short name followed by a particle
// ("asked Clinton about …", "pressed him on …"): after the particle;
// else k.
func (f *finder) enAfterObject(toks []nlp.Token, k int) int {
	j := k
	if w := f.word(toks[j]); !(enObjPronouns[w] || isCap(toks[j].Text(f.text))) {
		return k
	}
	for j+1 < len(toks) && j < k+3 && isCap(toks[j+1].Text(f.text)) && toks[j+1].Kind == nlp.Word {
		j++
	}
	if j+2 < len(toks) && enAboutParticles[f.word(toks[j+1])] && toks[j+2].Kind == nlp.Word {
		return j + 2
	}
	return k
}

// enAdverbialAt reports whether an adverbial of time or circumstance
// that ends an English object starts at toks[j]: "during the debate",
// "while …", "on Thursday", "in July", "in a statement". After an
// infinitive (verbal true) a date belongs to it: "urged voters to stay
// home on Sunday".
func (f *finder) enAdverbialAt(toks []nlp.Token, j int, verbal bool) bool {
	if toks[j].Kind != nlp.Word || j+1 >= len(toks) {
		return false
	}
	w, next := f.word(toks[j]), f.word(toks[j+1])
	switch {
	case enCircumstance[w]:
		return true
	case w == "on" || w == "in" || w == "last" || w == "this" || w == "since" || w == "earlier":
		if !verbal && (weekdays[next] || enMonths[next]) {
			return true
		}
		return (next == "a" || next == "an") && j+2 < len(toks) && enOccasions[f.word(toks[j+2])]
	}
	return false
}

// titleCase reports whether most words of toks are capitalized, as in a
// headline ("Trump Says He Will Win").
func (f *finder) titleCase(toks []nlp.Token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if t.Kind != nlp.Word {
			continue
		}
		words++
		if isCap(t.Text(f.text)) {
			caps++
		}
	}
	return caps*2 > words
}

// enPassiveReports finds English reports whose speaker goes unsaid: a
// passive of belief or blame, "X is expected to win", "X was accused of
// lying", "X has been blamed for the delay". The whole clause, subject
// included, is what is reported; reports found from n on are not read
// twice.
func (f *finder) enPassiveReports(toks []nlp.Token, end, n int) {
	for v := 2; v+2 < len(toks); v++ {
		opens := enPassiveCues[f.word(toks[v])]
		if opens == "" || toks[v].Kind != nlp.Word || isCap(toks[v].Text(f.text)) || f.word(toks[v+1]) != opens {
			continue
		}
		// be, then adverbs: "is not thought", "have sometimes been".
		b := v - 1
		for b > 0 && (f.enAdverb(toks[b]) || adverbs[f.word(toks[b])] || f.word(toks[b]) == "not" || f.word(toks[b]) == "widely") {
			b--
		}
		if !enBe[f.word(toks[b])] {
			continue
		}
		c := b
		for c > 0 && (enAux[f.word(toks[c-1])] || enFinite[f.word(toks[c-1])] || f.enAdverb(toks[c-1]) || adverbs[f.word(toks[c-1])]) {
			c--
		}
		// The subject, back to the clause's start.
		s := c
		for s > 0 && toks[s-1].Kind == nlp.Word && !enSubordinators[f.word(toks[s-1])] && f.word(toks[s-1]) != "that" {
			s--
		}
		for s < c && (f.word(toks[s]) == "and" || f.word(toks[s]) == "but" || f.word(toks[s]) == "so") {
			s++
		}
		if s == c || c-s > 12 || inside(f.out[n:], toks[s].Start) || inside(f.out[n:], toks[v].Start) {
			continue
		}
		q := &quote{kind: "indirect", content: veille.Span{Start: toks[s].Start, End: end}, cue: veille.Span{Start: toks[c].Start, End: toks[v].End}}
		q.content.End, _ = f.clauseEnd(toks, v, end, true) // up to a comma
		f.add(q)
		v++
	}
}

// enTrailer reports whether text[from:end], after an English closing cue
// and its speaker, only says when, where or how the words were said:
// "… Friday afternoon", "… in an interview", "…, as they left".
func (f *finder) enTrailer(q *quote, from, end int) bool {
	cue := nlp.Tokenize(f.text, q.cue.Start, q.cue.End)
	if len(cue) == 0 || !enInverts[lemmaOf(f, cue[len(cue)-1])] {
		return false
	}
	rest := nlp.Tokenize(f.text, from, end)
	if len(rest) == 0 || len(rest) > 30 {
		return false
	}
	w := f.word(rest[0])
	if rest[0].Kind == nlp.Punct {
		if rest[0].Text(f.text) != "," || len(rest) < 2 {
			return false
		}
		w = f.word(rest[1])
		return enSubordinators[w] || w == "as" || w == "adding" || w == "noting" || w == "citing"
	}
	return weekdays[w] || enTimeLead[w]
}

// nameBefore reports whether the word before toks[j] is a capitalized
// name's, not a pronoun's: "…, explique Jeanne Martin, correspondante".
func (f *finder) nameBefore(toks []nlp.Token, j int) bool {
	return j > 0 && toks[j-1].Kind == nlp.Word && isCap(toks[j-1].Text(f.text)) && !pronouns[f.word(toks[j-1])]
}

// nameEnds reports whether the span sp ends with a capitalized word
// that is not a pronoun.
func (f *finder) nameEnds(sp veille.Span) bool {
	ws := strings.Fields(f.text[sp.Start:sp.End])
	return len(ws) > 0 && isCap(ws[len(ws)-1]) && !pronouns[nlp.Fold(ws[len(ws)-1])]
}

// closesQuote reports whether s ends with a quote mark, spaces aside:
// "«…»", "“…”", "”…”".
func closesQuote(s string) bool {
	s = strings.TrimRight(s, " \u00a0")
	r, _ := utf8.DecodeLastRuneInString(s)
	return isQuoteMark(r) || strings.HasSuffix(s, "''")
}

// frApposition reports whether the French words from from to end are
// an apposition to the speaker closing the sentence: ", correspondante
// de BBC Afrique en Ouganda": a comma, a lower-case noun, and no verb,
// relative pronoun or auxiliary.
func (f *finder) frApposition(from, end int) bool {
	rest := nlp.Tokenize(f.text, from, end)
	if len(rest) < 2 || len(rest) > 16 || rest[0].Text(f.text) != "," || rest[1].Kind != nlp.Word || isCap(rest[1].Text(f.text)) {
		return false
	}
	for _, t := range rest[1:] {
		w := f.word(t)
		if raw := strings.ToLower(t.Text(f.text)); t.Kind == nlp.Punct && raw != "-" && raw != "'" || frAux[raw] || f.isVerb(t) || w == "qui" || w == "que" || w == "qu'" || w == "dont" || w == "est" || w == "sont" || w == "ne" || w == "n'" || strings.HasPrefix(w, "s'") {
			return false
		}
	}
	return true
}

// enFiniteAt reports whether a finite English verb phrase starts at
// toks[i], adverbs aside: "has since left", "extended", "later said".
func (f *finder) enFiniteAt(toks []nlp.Token, i int) bool {
	for i < len(toks) && (adverbs[f.word(toks[i])] || f.enAdverb(toks[i])) {
		i++
	}
	if i >= len(toks) || toks[i].Kind != nlp.Word || isCap(toks[i].Text(f.text)) {
		return false
	}
	w := f.word(toks[i])
	return enFinite[w] || enPast[w] || f.isVerb(toks[i]) && !strings.HasSuffix(w, "ing") || len(w) > 4 && strings.HasSuffix(w, "ed")
}

// enAccordingTail finds "…, according to X." closing an English
// sentence whose X is too long or too rich for invertedTail: "…,
// according to a poll released last week", "…, according to Jane Roe,
// head of the center, and other scientists". X runs to the sentence's
// end and holds no finite verb.
func (f *finder) enAccordingTail(toks []nlp.Token, end int) {
	for j := 3; j+2 < len(toks); j++ {
		if toks[j].Text(f.text) != "," || f.word(toks[j+1]) != "according" || f.word(toks[j+2]) != "to" {
			continue
		}
		if j+3 >= len(toks) {
			return
		}
		for _, t := range toks[j+3:] {
			if w := f.word(t); enFinite[w] || w == "that" || strings.HasSuffix(w, "n't") {
				return
			}
		}
		s := f.enSkipOpener(toks, 0, j)
		if s >= j {
			return
		}
		q := &quote{kind: "indirect", content: veille.Span{Start: toks[s].Start, End: toks[j].Start},
			cue: veille.Span{Start: toks[j+1].Start, End: toks[j+2].End}, spk: veille.Span{Start: toks[j+3].Start, End: end}}
		f.add(q)
		return
	}
}

// cueEndSpace returns where the word after q's cue starts.
func (f *finder) cueEndSpace(q *quote) int {
	i := q.cue.End
	for i < len(f.text) && (f.text[i] == ' ' || f.text[i] == '\n' || f.text[i] == '\t') {
		i++
	}
	return i
}

// lemmaOfText returns the lemma of the last word of the span sp.
func lemmaOfText(f *finder, sp veille.Span) string {
	ws := strings.Fields(f.text[sp.Start:sp.End])
	if len(ws) == 0 {
		return ""
	}
	return f.lx.verbs[nlp.Fold(ws[len(ws)-1])]
}

// enSkipOpener returns where an English report read from toks[i] starts
// once the writer's opener is left out: a conjunction ("And", "But") or
// a linking adverb and its comma ("However,", "Still,"); i when none.
// It stays before limit.
func (f *finder) enSkipOpener(toks []nlp.Token, i, limit int) int {
	if i < limit && enOpeners[f.word(toks[i])] && toks[i].Kind == nlp.Word {
		i++
		if i < limit && toks[i].Text(f.text) == "," {
			i++
		}
	}
	return i
}

// isDollar reports whether t is a currency sign that may open reported
// content: "said $4 million was missing".
func isDollar(text string, t nlp.Token) bool {
	return strings.ContainsRune("$£€", firstRune(t.Text(text)))
}

// enUnlistedThat finds "X <verb> that <clause>" where the verb is in no
// list: its shape says it is finite ("tweeted", "stresses"), a person or
// organisation named by a pronoun or a capitalized name is its subject,
// and a clause follows "that" ("Trump tweeted that Machado was …").
func (f *finder) enUnlistedThat(toks []nlp.Token, end, n int) {
	for v := 1; v+3 < len(toks); v++ {
		t := toks[v]
		w := f.word(t)
		if t.Kind != nlp.Word || isCap(t.Text(f.text)) || strings.Contains(w, "-") || !enFiniteShape(w) || f.isVerb(t) || enNotThatVerbs[w] || enStop[w] || enBe[w] || enAux[w] || enFinite[w] || f.enPassive(toks, v) || enDegree[f.word(toks[v-1])] {
			continue
		}
		// "tweeted in the early hours that …": time and place may
		// stand before "that".
		k := f.enLeadIn(toks, v+1)
		if k+1 >= len(toks) || f.word(toks[k]) != "that" {
			continue
		}
		// A relative "that" is followed by its verb: "the leaders that
		// opposed it"; a clause opens with its subject.
		x := toks[k+1]
		xw := f.word(x)
		if x.Kind != nlp.Word || !(enSubject[xw] || determiners[xw] || enDeterminers[xw] || isCap(x.Text(f.text)) || unicode.IsDigit(firstRune(xw))) {
			continue
		}
		if !f.enClauseAt(toks, k+1) || inside(f.out[n:], toks[v].Start) {
			continue
		}
		c := v
		for c > 0 && (enAux[f.word(toks[c-1])] || f.enAdverb(toks[c-1]) || adverbs[f.word(toks[c-1])]) {
			c--
		}
		if c == 0 {
			continue
		}
		s := toks[c-1]
		sw := f.word(s)
		// A plural noun has the shape of a verb in -s ("Republican
		// groups that …"): such forms need "he" or "she" before them;
		// a past form may follow a determined noun ("The coach
		// groused that …").
		// A contraction is a copula: "I'm really excited that".
		if s.Kind != nlp.Word || strings.ContainsAny(s.Text(f.text), "'’") || !(sw == "he" || sw == "she" || !strings.HasSuffix(w, "s") && (sw == "they" || sw == "we" || sw == "i" || c > 1 && isCap(s.Text(f.text)) && !enSubject[sw] || c > 1 && !enStop[sw] && determiners[f.word(toks[c-2])])) {
			continue
		}
		q := &quote{kind: "indirect", content: veille.Span{Start: toks[k].Start, End: end}, cue: veille.Span{Start: toks[c].Start, End: t.End}}
		f.subjectBackward(q, toks, c)
		if q.spk.End == 0 {
			continue
		}
		// "Before the court ruled that …, polls put …": a subordinate
		// clause reports nothing its sentence asserts.
		if f.enSubordinate(toks, q.spk) {
			continue
		}
		q.content.End, _ = f.clauseEnd(toks, k, end, false)
		f.add(q)
		v = k
	}
}

// enFiniteShape reports whether the English word w has the shape of a
// finite verb: a past form in -ed or a third person in -s.
func enFiniteShape(w string) bool {
	if len(w) > 4 && strings.HasSuffix(w, "ed") {
		return true
	}
	return len(w) > 4 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "'s") && !strings.HasSuffix(w, "’s")
}

// enSubordinate reports whether the subject sp opens with, or follows,
// a preposition or a subordinator: "Before the court ruled that …",
// "Although he recognises that …".
func (f *finder) enSubordinate(toks []nlp.Token, sp veille.Span) bool {
	sub := func(w string) bool {
		return prepositions[w] || enSubordinators[w] || w == "before" || w == "after" || w == "until" || w == "since" || w == "despite" || w == "as"
	}
	for i, t := range toks {
		if t.Start == sp.Start {
			return sub(f.word(t)) || i > 0 && sub(f.word(toks[i-1]))
		}
	}
	return false
}

// enImpersonal finds "it was reported that …", "it is widely believed
// that …": a report without a speaker, which takes none from the
// sentences before either.
func (f *finder) enImpersonal(toks []nlp.Token, end, n int) {
	for i := 0; i+4 < len(toks); i++ {
		if f.word(toks[i]) != "it" {
			continue
		}
		b := i + 1
		for b < len(toks)-3 && (enAux[f.word(toks[b])] || enModals[f.word(toks[b])]) {
			b++ // "it has been", "it will be"
		}
		if !enBe[f.word(toks[b])] {
			continue
		}
		v := b + 1
		for v < len(toks)-2 && (f.enAdverb(toks[v]) || f.word(toks[v]) == "also" || f.word(toks[v]) == "not" || enBe[f.word(toks[v])]) {
			v++
		}
		if !f.isVerb(toks[v]) || !strings.HasSuffix(f.word(toks[v]), "ed") && f.lx.verbs[f.word(toks[v])] != "say" && f.lx.verbs[f.word(toks[v])] != "tell" && f.lx.verbs[f.word(toks[v])] != "think" {
			continue
		}
		k := f.enLeadIn(toks, v+1)
		if k+1 >= len(toks) || f.word(toks[k]) != "that" || inside(f.out[n:], toks[k].Start) {
			continue
		}
		q := &quote{kind: "indirect", content: veille.Span{Start: toks[k].Start, End: end}, cue: veille.Span{Start: toks[i+1].Start, End: toks[v].End}}
		q.content.End, _ = f.clauseEnd(toks, k, end, false)
		f.add(q)
		i = k
	}
}
