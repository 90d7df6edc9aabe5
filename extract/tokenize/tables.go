package tokenize

// The tables below are constant knowledge about English orthography. Keys
// are lower case; lookups lower-case the word into a stack buffer first.

// maxKey is the longest key in any table, so longer words skip the lookup.
const maxKey = 12

// abbrevKind says how a word that may be an abbreviation treats a following
// period.
type abbrevKind uint8

const (
	// notAbbrev: the period is punctuation.
	notAbbrev abbrevKind = iota
	// title abbreviations ("Dr.", "Gen.") precede a name and never end a
	// sentence, so their period always stays attached.
	title
	// plain abbreviations ("Feb.", "Inc.", "etc.") keep their period unless
	// they end the sentence, where the period is split off as in EWT ("etc" ".").
	plain
	// numbered abbreviations ("No.", "Vol.") are abbreviations only before a
	// number; elsewhere "No." is the word no and a period.
	numbered
)

// abbrevs lists words that keep a following period. Entries are matched
// against the word lower-cased; capitalized (case-sensitive) entries are in
// capAbbrevs because their lower-case forms are ordinary words ("Miss.",
// "Wash.").
var abbrevs = map[string]abbrevKind{
	// Titles and ranks.
	"mr": title, "mrs": title, "ms": title, "dr": title, "prof": title,
	"gen": title, "lt": title, "col": title, "maj": title, "capt": title,
	"cpt": title, "sgt": title, "cpl": title, "pvt": title, "adm": title,
	"cmdr": title, "cdr": title, "brig": title, "gov": title, "sen": title,
	"rep": title, "reps": title, "rev": title, "hon": title, "pres": title,
	"fr": title, "messrs": title, "mme": title, "supt": title, "insp": title,
	"amb": title, "lieut": title, "sens": title, "govs": title, "gens": title,
	"sr": plain, "jr": plain, "st": plain, "mt": plain, "ft": plain,
	"esq": plain,
	// Organizations and addresses.
	"inc": plain, "corp": plain, "co": plain, "ltd": plain, "llc": plain,
	"bros": plain, "dept": plain, "univ": plain, "assn": plain, "ave": plain,
	"blvd": plain, "rd": plain, "hwy": plain, "cos": plain, "intl": plain,
	"govt": plain,
	// Latin and scholarly.
	"etc": plain, "vs": plain, "al": plain, "approx": plain, "ca": plain,
	"cf": plain, "viz": plain, "esp": plain, "ibid": plain, "eg": plain,
	"ie": plain,
	// Units and misc.
	"ext": plain, "est": plain, "dist": plain, "min": plain, "max": plain,
	"yrs": plain, "hrs": plain, "mins": plain, "lb": plain, "lbs": plain,
	"oz": plain, "sq": plain, "attn": plain, "tel": plain,
	"fax": plain, "dep": plain, "div": plain, "info": plain,
	"no": numbered, "nos": numbered, "vol": numbered, "fig": numbered,
	"figs": numbered, "art": numbered, "sec": numbered, "pp": numbered,
}

// capAbbrevs are abbreviations only when capitalized: months, days and US
// states whose lower-case forms are also common words ("sat.", "wash.").
var capAbbrevs = map[string]abbrevKind{
	"Jan": plain, "Feb": plain, "Mar": plain, "Apr": plain, "Jun": plain,
	"Jul": plain, "Aug": plain, "Sep": plain, "Sept": plain, "Oct": plain,
	"Nov": plain, "Dec": plain,
	"Mon": plain, "Tue": plain, "Tues": plain, "Wed": plain, "Thu": plain,
	"Thur": plain, "Thurs": plain, "Fri": plain, "Sat": plain, "Sun": plain,
	"Ala": plain, "Ariz": plain, "Ark": plain, "Calif": plain, "Colo": plain,
	"Conn": plain, "Del": plain, "Fla": plain, "Ga": plain, "Ill": plain,
	"Ind": plain, "Kan": plain, "Kans": plain, "Ky": plain, "La": plain,
	"Md": plain, "Mass": plain, "Mich": plain, "Minn": plain, "Miss": plain,
	"Mo": plain, "Mont": plain, "Neb": plain, "Nev": plain, "Okla": plain,
	"Ore": plain, "Pa": plain, "Tenn": plain, "Tex": plain, "Va": plain,
	"Vt": plain, "Wash": plain, "Wis": plain, "Wyo": plain,
}

// prefixes are bound prefixes whose hyphen EWT keeps inside the word
// ("anti-tank", "e-mail", "non-violence"); every other hyphen between words
// is a token of its own ("search - engine", "U.S. - orchestrated").
var prefixes = map[string]bool{
	"anti": true, "arch": true, "bi": true, "co": true, "counter": true,
	"cross": true, "de": true, "e": true, "ex": true, "extra": true,
	"hyper": true, "infra": true, "inter": true, "intra": true,
	"macro": true, "mega": true, "meta": true, "micro": true, "mid": true,
	"mini": true, "mis": true, "multi": true, "neo": true, "non": true,
	"over": true, "post": true, "pre": true, "pro": true, "pseudo": true,
	"psycho": true, "quasi": true, "re": true, "semi": true, "socio": true,
	"sub": true, "super": true, "trans": true, "tri": true, "ultra": true,
	"un": true, "under": true, "geo": true, "bio": true, "eco": true,
}

// fused lists contractions written without an apostrophe, which EWT splits
// into two words; the value is the length of the first word.
var fused = map[string]int{
	"cannot": 3, "gonna": 3, "wanna": 3, "gotta": 3,
	"dont": 2, "doesnt": 4, "didnt": 3, "isnt": 2, "wasnt": 3, "arent": 3,
	"werent": 4, "hasnt": 3, "havent": 4, "hadnt": 3, "couldnt": 5,
	"wouldnt": 5, "shouldnt": 6, "wont": 2, "aint": 2,
	"thats": 4, "whats": 4, "theres": 5, "im": 1, "ive": 1, "youre": 3,
	"theyre": 4, "alot": 1, "cant": 2,
}

// units are written together with a number but are words of their own in
// EWT ("5pm" → 5 pm, "35mm" → 35 mm).
var units = map[string]bool{
	"am": true, "pm": true, "mm": true, "cm": true, "km": true, "m": true,
	"kg": true, "kgs": true, "g": true, "mg": true, "lb": true, "lbs": true,
	"ml": true, "mph": true, "kph": true, "kmh": true, "ft": true, "mi": true,
	"k": true, "bn": true, "mn": true, "mln": true, "gb": true, "mb": true,
	"tb": true, "kb": true, "ghz": true, "mhz": true, "kw": true, "mw": true,
	"gw": true, "kwh": true, "mwh": true, "hrs": true, "hr": true,
	"min": true, "mins": true, "sec": true, "secs": true, "yrs": true,
	"x": true, "t": true,
}

// clitics are the endings split off after an apostrophe ("Russia's",
// "they're"); n't is handled separately because it takes the n along.
var clitics = map[string]bool{
	"s": true, "re": true, "ve": true, "ll": true, "d": true, "m": true,
}

// starters are closed-class words that typically open a sentence. A
// capitalized starter after an abbreviation's period ("in the U.S. The")
// means the period ends the sentence; any other capitalized word ("the U.S.
// Department") continues it.
var starters = map[string]bool{
	"the": true, "a": true, "an": true, "this": true, "that": true,
	"these": true, "those": true, "it": true, "its": true, "he": true,
	"she": true, "they": true, "we": true, "i": true, "you": true,
	"his": true, "her": true, "their": true, "our": true, "my": true,
	"your": true, "but": true, "and": true, "or": true, "so": true,
	"yet": true, "in": true, "on": true, "at": true, "for": true,
	"from": true, "with": true, "by": true, "after": true, "before": true,
	"when": true, "while": true, "if": true, "as": true, "although": true,
	"though": true, "because": true, "since": true, "however": true,
	"meanwhile": true, "also": true, "still": true, "there": true,
	"here": true, "then": true, "now": true, "what": true, "who": true,
	"why": true, "how": true, "where": true, "which": true, "no": true,
	"not": true, "all": true, "some": true, "many": true, "most": true,
	"both": true, "each": true, "is": true, "are": true, "was": true,
	"were": true, "do": true, "does": true, "did": true, "please": true,
	"thanks": true, "thank": true, "yes": true, "during": true,
	"despite": true, "according": true, "under": true, "officials": true,
	"earlier": true, "later": true, "last": true, "next": true,
	"other": true, "such": true, "to": true, "of": true, "let": true,
	"have": true, "has": true, "had": true, "can": true, "will": true,
}

// tlds are final segments that make a dotted word a host or file name
// ("enron.com", "report.doc") rather than two words.
var tlds = map[string]bool{
	"com": true, "org": true, "net": true, "edu": true, "gov": true,
	"mil": true, "int": true, "io": true, "co": true, "uk": true,
	"us": true, "de": true, "fr": true, "ru": true, "ca": true,
	"au": true, "info": true, "biz": true, "tv": true, "doc": true,
	"docx": true, "xls": true, "xlsx": true, "pdf": true, "txt": true,
	"htm": true, "html": true, "jpg": true, "jpeg": true, "png": true,
	"gif": true, "ppt": true, "pptx": true, "zip": true, "exe": true,
	"php": true, "asp": true, "csv": true, "ua": true, "il": true,
	"in": true, "cn": true, "jp": true,
}

// emoticons are kept whole when they stand alone between spaces.
var emoticons = map[string]bool{
	":)": true, ":(": true, ";)": true, ":-)": true, ":-(": true,
	";-)": true, ":D": true, ":-D": true, ":P": true, ":p": true,
	"=)": true, "(:": true, ":/": true, ":'(": true, "<3": true,
	"^_^": true, ":o": true, ":O": true, "=(": true, ";(": true,
}
