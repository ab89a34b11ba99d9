package quote

import (
	"bufio"
	"embed"
	"strings"

	"github.com/veille/veille/internal/nlp"
)

//go:embed data/*.tsv
var dataFS embed.FS

// lexicon holds the reporting-verb forms of one language, folded
// (nlp.Fold), and the words that shape a speaker phrase.
type lexicon struct {
	verbs map[string]string // form → lemma
	// nouns maps a folded noun of saying to the folded words that may
	// open what it reports ("claims" → that, of, about).
	nouns map[string]map[string]bool
}

var lexicons = map[string]*lexicon{
	"fr": loadLexicon("data/verbs_fr.tsv"),
	"en": withNouns(loadLexicon("data/verbs_en.tsv", "data/stance_en.tsv"), "data/nouns_en.tsv"),
}

// withNouns adds to lx the nouns of saying in name: lines of forms, a
// tab, and the words that open their content.
func withNouns(lx *lexicon, name string) *lexicon {
	b, err := dataFS.ReadFile(name)
	if err != nil {
		panic("quote: " + err.Error())
	}
	lx.nouns = map[string]map[string]bool{}
	for line := range strings.SplitSeq(string(b), "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		forms, opens, ok := strings.Cut(line, "\t")
		if !ok {
			panic("quote: " + name + ": no tab in " + line)
		}
		o := set(strings.Fields(opens)...)
		for f := range strings.FieldsSeq(forms) {
			lx.nouns[nlp.Fold(f)] = o
		}
	}
	return lx
}

// loadLexicon reads files of lines "lemma TAB forms [TAB classes]"; the
// classes (comma-separated "clause", "object") add the lemma to
// enClausal and enObject.
func loadLexicon(names ...string) *lexicon {
	lx := &lexicon{verbs: map[string]string{}}
	for _, name := range names {
		b, err := dataFS.ReadFile(name)
		if err != nil {
			panic("quote: " + err.Error())
		}
		sc := bufio.NewScanner(strings.NewReader(string(b)))
		for sc.Scan() {
			line := sc.Text()
			if line == "" || strings.HasPrefix(line, "#") {
				continue
			}
			cols := strings.Split(line, "\t")
			if len(cols) < 2 {
				panic("quote: " + name + ": no tab in " + line)
			}
			lemma := cols[0]
			for f := range strings.FieldsSeq(cols[1]) {
				lx.verbs[nlp.Fold(f)] = lemma
			}
			if len(cols) > 2 {
				for c := range strings.SplitSeq(cols[2], ",") {
					switch c {
					case "clause":
						enClausal[nlp.Fold(lemma)] = true
					case "object":
						enObject[nlp.Fold(lemma)] = true
					default:
						panic("quote: " + name + ": unknown class " + c)
					}
				}
			}
		}
	}
	return lx
}

var (
	frAux = set("a", "ont", "avait", "avaient", "aurait", "auraient", "aura", "auront", "as", "ai", "avons", "avez")
	enAux = set("has", "have", "had", "will", "would", "did", "does", "also", "later", "previously", "then", "once", "repeatedly", "recently", "just")
	// pronouns that may stand for an earlier speaker.
	pronouns = set("il", "elle", "ils", "elles", "on", "he", "she", "they", "it", "we", "i", "nous", "je")
	// frStop and enStop end a speaker phrase read forwards.
	frStop = set("à", "au", "aux", "lors", "dans", "devant", "en", "sur", "pendant", "après", "avant", "qui", "tout", "hier", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "ce", "cette", "que", "qu'", "et", "mais", "avec", "depuis", "jeudi", "lorsqu'", "alors", "quand", "vendredi", "par", "pour")
	enStop = set("to", "in", "on", "at", "during", "after", "before", "when", "who", "as", "while", "last", "this", "yesterday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "that", "and", "but", "with", "about", "of", "for", "because", "if", "earlier", "today", "recently", "told", "said", "says", "adding", "according", "tonight", "than", "since", "from", "into", "by", "was", "is", "were", "are", "the", "a", "an", "his", "her")
	// stressedPronouns speak for the last speaker after "selon", "d'après",
	// "according to": « selon lui », "according to her".
	stressedPronouns = set("lui", "elle", "eux", "elles", "him", "her", "them")
	// frPourAdverbial: nouns after « pour le/la/l' » that make an
	// adverbial, not a source (« pour l'instant », « pour le moment »).
	frPourAdverbial = set("instant", "moment", "heure", "essentiel", "reste", "suite", "premiere", "premier", "derniere", "dernier", "fois", "occasion", "avenir", "coup", "mois", "annee", "semaine", "saison", "part", "plupart", "ensemble", "principal", "rappel", "record", "detail", "meme")
	frRelatives     = set("qui", "dont", "lequel", "laquelle", "lesquels", "lesquelles")
	adverbs         = set("donc", "également", "aussi", "encore", "déjà", "pourtant", "toutefois", "cependant", "toujours", "jamais", "récemment", "souvent", "formellement", "catégoriquement", "fermement", "officiellement", "ensuite", "enfin", "notamment", "lui", "alors", "ainsi", "also", "later", "previously", "then", "further", "repeatedly", "recently", "publiquement", "publicly", "often", "always", "never", "again", "still")
	determiners     = set("le", "la", "les", "l'", "the", "ce", "cette", "ces", "son", "sa", "ses", "leur", "leurs", "his", "her", "its", "their")
	// objectVerbs take what they report as a noun phrase: "a annoncé un
	// retrait", "a démenti toute suggestion", "accuse la Russie d'avoir…".
	objectVerbs = set("annoncer", "démentir", "nier", "dénoncer", "accuser", "réclamer", "exiger", "demander", "appeler", "exhorter", "qualifier", "décrire", "évoquer", "confirmer", "rejeter", "contester", "minimiser", "promettre", "reconnaître", "attribuer", "imputer", "deny", "announce", "confirm", "claim", "allege", "predict", "promise", "acknowledge", "admit", "formuler", "proposer", "reprocher", "signaler", "designer", "recommander", "justifier", "nuancer", "relativiser", "parler", "faire etat", "mettre en garde", "qualifier")
	// enClausal take a clause without "that" ("argued the plan would
	// fail"); enObject take what they report as an object ("called for a
	// ban", "pledged to cut taxes", "criticized the plan").
	enClausal = set("add", "warn", "claim", "argue", "insist", "believe", "think", "note", "explain", "suggest", "predict", "acknowledge", "admit", "assert", "contend", "declare", "write", "report", "estimate", "complain", "recall", "maintain", "concede", "know", "feel", "hope", "fear", "worry", "expect", "agree", "show", "find", "indicate", "reveal", "conclude", "promise", "vow", "pledge", "state", "announce", "confirm", "allege", "testify", "stress", "emphasize", "observe", "remark", "speculate", "joke", "boast", "doubt", "charge", "respond", "reply", "see")
	enObject  = set("deny", "announce", "confirm", "claim", "allege", "predict", "promise", "acknowledge", "admit", "cite", "call", "urge", "demand", "propose", "pledge", "vow", "mention", "describe", "indicate", "reveal", "criticize", "condemn", "denounce", "blast", "slam", "accuse", "praise", "endorse", "support", "back", "favor", "plan", "refuse", "decline", "discuss", "oppose", "reject", "dismiss", "dispute", "question", "want", "recommend", "highlight", "tout", "defend", "show", "find", "estimate", "suggest", "expect", "hope", "agree", "warn", "stress", "emphasize", "project")
	// enParticles join an object verb's cue: "worried about X".
	enParticles = set("about", "of", "on", "for", "against", "over", "with")
	// enSubordinators open a clause a subject read backwards stops at.
	// enFronted open an adverbial that may stand before the main
	// clause of what is reported: "that since the vote, he has …".
	enFronted       = set("together", "since", "after", "before", "despite", "until", "as", "once", "even", "sometime", "contrary", "given", "unlike", "like", "following", "amid", "during", "in", "on", "at", "for", "with", "without", "under", "by")
	enSubordinators = set("when", "while", "because", "if", "although", "though", "whether", "unless")
	// enLabels head a line's label that names no speaker: "Update: …".
	enLabels = set("update", "updated", "note", "editor", "editors", "photo", "photos", "video", "watch", "read", "related", "source", "sources", "credit", "correction", "clarification", "transcript", "q", "a", "warning", "breaking", "exclusive", "opinion", "analysis", "review", "live", "listen", "see", "also", "more", "disclosure", "image", "images", "graphic", "map", "chart", "latest")
	// enDeterminers may open the subject of a that-less clause.
	enDeterminers = set("a", "an", "the", "this", "these", "those", "our", "my", "your", "some", "many", "most", "all", "no", "every", "each", "any", "both", "few", "several")
	// enObjPronouns and enAboutParticles: "asked him about …".
	enObjPronouns    = set("him", "her", "them", "us", "me", "it")
	enAboutParticles = set("about", "on", "over", "of")
	// enControl take a reporting verb as their infinitive, whose
	// subject is theirs: "refused to pledge", "continued to call for".
	enControl = set("want", "wants", "wanted", "try", "tries", "tried", "seem", "seems", "seemed", "continue", "continues", "continued", "refuse", "refuses", "refused", "plan", "plans", "planned", "decline", "declines", "declined", "appear", "appears", "appeared", "went", "going", "began", "begin", "begins", "started", "hope", "hopes", "hoped", "vowed", "promised", "agreed", "used")
	// enPossessives name a noun cue's speaker: "his claim that …".
	enPossessives = set("his", "her", "their", "its", "our", "my", "your")
	// enRelatives open a relative clause after the subject's name.
	enRelatives = set("who", "which", "whose", "whom")
	// enFronts open a sentence with a phrase before its subject:
	// "Earlier, …", "Under the plan, …", "Despite the vote, …".
	enFronts = set("earlier", "later", "meanwhile", "however", "still", "yesterday", "today", "under", "despite", "amid", "among", "following", "last", "separately", "instead", "overall")
	// enObjectGoesOn continue an object after its comma: "condemned the
	// invasion, including the annexation".
	enObjectGoesOn = set("including", "notably", "particularly")
	// frObjectClitics stand between a French subject and its verb:
	// "Il m'a dit", "Elle lui a répondu"; frThirdAux show that "nous" or
	// "vous" before them is an object ("Le maire nous a dit").
	frSubjects      = set("je", "j'", "tu", "il", "elle", "on", "ils", "elles")
	frObjectClitics = set("m'", "me", "t'", "te", "lui", "leur")
	frThirdAux      = set("a", "avait", "aura", "ont", "avaient", "est", "dit", "disait", "explique", "raconte", "affirme", "assure")
	// enClauseLinks open a clause whose own report ends the one before:
	// "X said A, while B prefers C", "after she attacked".
	enClauseLinks = set("while", "whereas", "after", "before", "because", "although", "though", "since", "which", "and", "but")
	// enModals stand between a subject and its verb: "X may argue".
	enModals = set("may", "might", "could", "should", "can", "must", "shall", "will", "would")
	// enContracted may take "'s" for "has" or "is": "he's said".
	enContracted = set("he", "she", "it", "that", "who", "there", "what", "where", "here")
	// enNotThatVerbs take a "that" clause without reporting anything:
	// "ensured that the bill passed", "this means that …".
	enNotThatVerbs = set("ensured", "ensures", "means", "requires", "required", "provides", "provided", "given", "assumed", "assumes", "guaranteed", "guarantees", "demands", "mandated", "mandates", "so", "proved", "proves", "happens", "happened", "seems", "seemed", "appears", "appeared", "remains", "remained", "follows", "followed", "helped", "helps")
	// enDegree make the "-ed" word after them an adjective: "so
	// relieved that".
	enDegree  = set("very", "so", "really", "too", "extremely", "deeply", "quite", "more", "most", "less", "increasingly")
	enSubject = set("he", "she", "they", "it", "we", "i", "you", "there", "this")
	enFinite  = set("is", "was", "are", "were", "has", "have", "had", "will", "would", "could", "should", "can", "may", "might", "must", "did", "does", "do", "won't", "isn't", "wasn't")
	// enWh open a reported question ("asked how", "explained why");
	// enLeadWords may stand between a verb and its clause ("said on
	// Friday in a statement that").
	enWh        = set("how", "why", "whether", "what", "where", "when", "who")
	enLeadWords = set("on", "in", "via", "during", "at", "a", "an", "the", "last", "this", "earlier", "later", "week", "night", "morning", "afternoon", "evening", "month", "year", "weekend", "statement", "interview", "email", "e-mail", "tweet", "tweets", "speech", "post", "reporters", "journalists", "friday", "again", "also", "repeatedly", "publicly", "privately", "recently", "previously", "then", "separately", "flatly", "bluntly", "him", "her", "them", "us", "me", "audience", "crowd", "supporters", "voters", "press", "conference", "call", "briefing", "rally", "radio", "television", "tv", "show", "appearance", "monday", "tuesday", "wednesday", "thursday", "saturday", "sunday", "yesterday", "today", "tonight", "recent", "new")
	// enInverts may come before their subject: "…, said X", "…, added
	// the senator".
	enInverts = set("say", "add", "write", "explain", "note", "continue", "recall", "reply", "respond", "ask", "argue", "warn", "insist", "tell", "state", "declare", "announce")
	// enPast are common irregular English pasts, which end a sentence's
	// subject read forwards ("The group gave a statement, saying …").
	enPast = set("gave", "made", "took", "went", "came", "held", "spoke", "sent", "led", "met", "won", "lost", "ran", "began", "brought", "kept", "left", "got", "paid", "sought", "struck", "stood", "became", "saw", "found", "put", "set", "hit", "cut", "let", "wrote", "told", "said", "thought", "knew", "chose", "drew", "fell", "felt", "fought", "grew", "heard", "hid", "hung", "laid", "meant", "rose", "shook", "shot", "sat", "spent", "stole", "swore", "threw", "tore", "understood", "woke", "wore", "did", "does", "has", "had")
	// enPassiveCues are the participles of a passive report with its
	// speaker unsaid ("is expected to", "was accused of"), with the word
	// that must follow.
	enPassiveCues = map[string]string{"expected": "to", "thought": "to", "believed": "to", "considered": "to", "rumored": "to", "alleged": "to", "accused": "of", "suspected": "of", "blamed": "for", "criticized": "for", "criticised": "for", "faulted": "for", "praised": "for"}
	// enTimeLead open what may follow a closing "…, X said": "in an
	// interview", "on Friday", "last week".
	enTimeLead = set("in", "on", "at", "during", "last", "this", "earlier", "later", "yesterday", "today", "tonight", "after", "before", "when", "while", "via", "through", "from")
	// enKeptOpeners open a clause that stays in an English report after
	// its comma: a non-restrictive relative ("…, which was reached in
	// May", "…, who chairs the panel") describes what is reported.
	enKeptOpeners = set("which", "who")
	// enTitleSmall are the function words a title leaves in lower case
	// ("State of the Union"); enWorkWords name a work before its title
	// in quote marks ("the book “…”", "titled “…”").
	enTitleSmall = set("of", "the", "a", "an", "and", "or", "in", "on", "to", "for", "at", "by", "with", "from")
	enWorkWords  = set("titled", "entitled", "dubbed", "headlined", "show", "program", "programme", "book", "memoir", "film", "movie", "documentary", "song", "album", "series", "column", "article", "essay", "op-ed", "podcast", "headline")
	// enOpeners open a sentence on the writer's behalf, outside what a
	// closing cue reports: "But …, according to X", "However, …, X said".
	enOpeners = set("and", "but", "so", "yet", "or", "however", "meanwhile", "still", "moreover", "indeed", "instead", "nonetheless", "nevertheless", "also", "now", "then")
	// enCircumstance open an adverbial that ends an English object
	// ("criticized the plan during the debate"); enMonths and
	// enOccasions after "in"/"on" too ("in July", "in a statement").
	enCircumstance = set("during", "while", "despite", "amid", "whereas")
	enMonths       = set("january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december")
	enOccasions    = set("statement", "interview", "ruling", "speech", "tweet", "letter", "memo", "post", "video", "report", "debate", "hearing", "rally", "op-ed", "editorial")
	enBe           = set("is", "was", "are", "were", "be", "been", "being", "get", "got", "gets")
	// multiword reporting verbs: the word after "fait", "mis"… and how
	// many words the phrase has.
	multiword     = map[string]int{"fait etat": 2, "fait savoir": 2, "fait remarquer": 2, "fait part": 2, "mis en garde": 3, "faisait etat": 2, "mis l'accent": 2}
	weekdays      = set("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "yesterday", "today")
	clauseOpeners = set("tandis", "qui", "ce", "alors", "mais", "selon", "lorsque", "dont", "while", "who", "which", "but", "according", "although", "whereas", "adding", "saying", "noting", "arguing", "citing", "because", "when")
	// infinitiveVerbs take an infinitive as what they report: "a déclaré
	// vouloir …", "dit avoir passé …".
	infinitiveVerbs  = set("dire", "declarer", "affirmer", "assurer", "estimer", "reconnaitre", "nier", "admettre", "promettre")
	relativePronouns = set("lesquels", "lesquelles", "lequel", "laquelle")
	clitics          = set("le", "la", "les", "l'", "en", "se", "s'", "y", "lui", "leur")
	months           = set("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre")
	prepositions     = set("comme", "par", "pour", "en", "dans", "avec", "sans", "lors", "depuis", "pendant", "as", "by", "for", "in", "with", "on", "at", "to", "after", "before", "during", "from", "of", "about")
	// documentNouns head a speaker that is a document.
	documentNouns = set("communiqué", "rapport", "clauses", "clause", "déclaration", "message", "lettre", "document", "texte", "statement", "report", "document", "letter", "memo", "tweet", "transcript", "study", "survey", "poll", "étude", "sondage", "ad", "résolution", "resolution")
	// indefinite determiners mark an anonymous source.
	indefinite = set("un", "une", "des", "plusieurs", "certains", "certaines", "quelques", "de", "d'", "a", "an", "some", "several", "two", "three", "four", "deux", "trois", "quatre", "cinq", "many", "one", "other", "others", "another")
	anonNouns  = set("source", "sources", "temoin", "temoins", "habitant", "habitants", "responsable", "responsables", "official", "officials", "witness", "witnesses", "resident", "residents", "diplomate", "diplomates", "expert", "experts", "analyste", "analystes", "observateur", "observateurs", "aide", "aides", "insider", "insiders", "person", "people", "personnes", "militaire", "militaires", "officier", "officiers", "membre", "membres")
	numbers    = map[string]int{"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10, "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "another": 1}
	outlets    = set("reuters", "afp", "ap", "associated press", "bbc", "cnn", "rfi", "france 24", "le monde", "jeune afrique", "al jazeera", "fox news", "abc news", "nbc news", "cbs news", "msnbc", "politico", "the new york times", "new york times", "the washington post", "washington post", "usa today", "bloomberg", "le figaro", "libération", "liberation", "the guardian", "lci", "tv5monde", "france 2", "the associated press", "the hill", "breitbart", "breitbart news", "nbc", "abc", "cbs", "the wall street journal", "wall street journal", "axios", "the post", "the times")
	// roleWords are the titles that link an unnamed "le porte-parole" to
	// a person entity whose Role holds the same word.
	roleWords = set("porte-parole", "spokesman", "spokeswoman", "spokesperson", "ministre", "minister", "president", "président", "presidente", "présidente", "premier", "procureur", "prosecutor", "secretary", "secretaire", "chef", "directeur", "director", "ambassadeur", "ambassador", "gouverneur", "governor", "maire", "mayor", "general", "général", "senator", "senateur", "candidate", "candidat", "nominee")
)

func set(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[nlp.Fold(w)] = true
	}
	return m
}
