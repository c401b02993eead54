"""Italian cues (folded text: no accents)."""

from __future__ import annotations

CUES: list[tuple[str, str]] = [
    (
        "neg",
        r"\bcerca\w* (?:un |il |una )?(?:nuov[oa] )?(?:successore|sostitut[oa])\b"
        r"|\briconferm\w*\b|\brielett\w*\b|\blicenzi\w* (?:di )?[\d.,]+\b|\besuber\w*\b"
        r"|\bricerca del (?:nuov[oa]|successore)\b|\bin attesa (?:della nomina|del successore)\b",
    ),
    ("iend", r"\brester(?:a|anno)\b|\brimarra\b|\brimane\b"),
    ("move", r"\bpass\w* alla presidenza\b"),
    (
        "dep:unspecified:b",
        r"\bnon (?:verrebbe|sarebbe|viene|sara|e stato|verra) (?:ri)?(?:confermat|rinnovat)\w*\b",
    ),
    (
        "app:a",
        r"\bcircola il nome di\b|\btra i nomi (?:in circolazione|che circolano)\b"
        r"|\b(?:guida|presidenza|deleghe|timone|carica|poltrona|vertice)(?: [\w']+){0,3}? "
        r"pass(?:a|ano|era|eranno) (?:ad interim |temporaneamente |provvisoriamente )?"
        r"(?:a|al|alla|ai)\b",
    ),
    (
        "succby",
        r"\bsostituit[oa] (?:[\w']+ ){0,4}?da\b|\brimpiazzat[oa] (?:[\w']+ ){0,4}?da\b"
        r"|\bpassa (?:il testimone|la mano) a\b"
        r"|\bced\w* (?:il|la) (?:guida|poltrona|posto|testimone|timone)(?: [\w']+){0,4}? a\b",
    ),
    ("newafter", r"\b(?:lo|la|gli) (?:sostitui\w*|succede\w*)\b"),
    ("inplace", r"\bal posto di\b|\bin luogo di\b|\bin sostituzione di\b|\bsuccessore di\b"),
    (
        "rein",
        r"\btorn\w* (?:alla guida|al vertice|al timone|a guidare|a essere|ad essere)\b"
        r"|\britorn\w* (?:alla guida|al vertice|al timone|come)\b|\breintegrat\w*\b"
        r"|\brientr\w*\b|\briassum\w*\b|\bche aveva gia (?:ricoperto|guidato|diretto)\b",
    ),
    (
        "succ",
        r"\bsucced\w*\b|\bsostitui(?:sce|ra|to)\b|\brimpiazz\w*\b|\bsubentr\w* (?:a|al|alla)\b"
        r"|\bprend\w* il posto (?:di|del|della)\b",
    ),
    ("dep:resigned:n", r"\bdimission\w*\b|\bdimett\w*\b|\bdimess\w*\b"),
    (
        "dep:resigned:b",
        r"\blasc(?:ia|iano|era|eranno|iato|iare|io)\b|\babbandon\w*\b|\bced(?:e|era)\b"
        r"|\bpassa (?:il testimone|la mano)\b|\bfa un passo indietro\b",
    ),
    ("dep:retired:n", r"\bpension\w*\b|\bsi ritira\b"),
    ("dep:died:n", r"\bmort[eo]\b|\bscompars\w*\b|\bdeced\w*\b"),
    (
        "dep:dismissed:n",
        r"\blicenzi\w*\b|\bsilurat\w*\b|\brimoss\w*\b|\bcacciat\w*\b|\bsfiduci\w*\b"
        r"|\brevoc\w*\b|\bdestituit\w*\b|\ballontanat\w*\b|\bdefenestrat\w*\b",
    ),
    (
        "dep:unspecified:n",
        r"\buscita\b|\besce\b|\baddio\b|\bsospes\w*\b|\bpasso indietro\b",
    ),
    (
        "app:n",
        r"\bnomin\w*\b|\bdesignat\w*\b|\belett\w*\b|\belegge\b|\bscelt\w*\b|\bsceglie\b"
        r"|\bchiamat\w*\b|\bpromoss\w*\b|\bingaggi\w*\b",
    ),
    ("app:b", r"\bassum\w*\b|\bprend\w* (?:le redini|il timone|la guida|il posto)\b|\barriva\b"),
    ("app:b:weak", r"\bdiventa\b|\bdiventera\b|\bsara\b|\bnuov[oa]\b"),
]

# Every BOARD pattern contains one of these substrings (a cheap pre-check).
BOARD_KEYS = ("consigl", "cda", "coopt")

BOARD: list[tuple[str, str]] = [
    (
        "bleave",
        r"\blasc\w* (?:il )?(?:consiglio|cda)\b|\besce dal (?:consiglio|cda)\b"
        r"|\bdimess\w* da consiglier\w*\b(?! delegat)",
    ),
    (
        "bjoin",
        r"\bentra\w* nel (?:consiglio|cda)\b|\bnuov[io] consiglier\w*\b(?! delegat)|\bcooptat\w*\b"
        r"|\bcome consiglier\w*\b(?! delegat)",
    ),
    ("bover", r"\bnuovo (?:consiglio|cda)\b"),
]

ROLES: list[tuple[str, str]] = [
    # Posts outside any company (ministers, diplomats, coaches): a cue about one is no
    # company event.
    (
        "gov",
        r"\bministr[oa]\b|\bsottosegretari[oa]\b|\bambasciat(?:ore|rice)\b|\bgovernatore\b"
        r"|\bsenat(?:ore|rice)\b|\ballenatore\b|\bcommissario tecnico\b",
    ),
    ("none", r"\bvicepresident\w*\b|\bex\b|\bex-\w+\b|\bex\w*president\w*\b"),
    ("same", r"\bl'incarico\b|\bil posto\b|\bla carica\b|\bal suo posto\b"),
    (
        "ceo",
        r"\bamministrat(?:ore|rice) delegat[oa]\b|\bceo\b|\bdirett(?:ore|rice) generale\b"
        r"|\bal vertice\b|\b(?:al)?la guida\b|\b(?:al|il) timone\b|\bnumero uno\b"
        r"|\bamministratore unico\b|\bconsiglier[ea] delegat[oa]\b|\ble deleghe\b"
        r"|\bcapo ?azienda\b",
    ),
    (
        "chair",
        r"\bpresident[ea] (?:del consiglio di amministrazione|del cda|esecutiv[oa])\b"
        r"|\bpresidenza\b|\bpresident[ea]\b",
    ),
    ("cfo", r"\bdirett(?:ore|rice) finanziari[oa]\b|\bcfo\b"),
    ("coo", r"\bdirett(?:ore|rice) operativ[oa]\b|\bcoo\b"),
    ("cto", r"\bdirett(?:ore|rice) tecnic[oa]\b|\bcto\b"),
    ("director", r"\bconsiglier[ei]\b(?! delegat)|\bconsigliera\b(?! delegat)"),
]

RUMOR = (
    r"\b\w+(?:rebbe|rebbero)\b|\bsecondo (?:fonti|indiscrezioni|quanto riport\w*|alcune fonti"
    r"|la stampa"
    r"|i media|voci)\b|\bindiscrezion\w*\b|\bin pole\b|\bin trattativ\w*\b|\brumors?\b|\bvoci\b"
    r"|\bin bilico\b|\bpressing\b|\bpression[ei] (?:per|su)\b|\bsotto pressione\b|\bpotrebbe\b"
    r"|\bpuo\b|\bipotesi\b|\bcandidat\w*\b|\bcircola\b|\bin circolazione\b"
)
DENY = (
    r"\bsmentisc\w*\b|\bsmentit\w*\b|\bsmentita\b|\besclud\w*\b|\besclus[oaie]\b"
    r"|\bnessun[a]? intenzione\b|\bnega\b"
    r"|\bnegato\b|\bfalso\b|\bprive di fondamento\b"
)
INTERIM = r"\bad interim\b|\binterim\b|\bpro tempore\b|\btemporane\w*\b|\bfacente funzione\b"
