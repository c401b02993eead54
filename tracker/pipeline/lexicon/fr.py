"""French cues (folded text: no accents)."""

from __future__ import annotations

CUES: list[tuple[str, str]] = [
    (
        "neg",
        r"\bcherch\w* (?:un |une |son |sa )?(?:nouveau |nouvelle )?(?:successeur|remplacant\w*)\b"
        r"|\breelu\w*\b|\breconduit\w*\b|\bsuppressions? d'emplois\b"
        r"|\ben attendant (?:la nomination|un successeur|l'arrivee)\b|\bjusqu'a (?:la nomination"
        r"|ce qu)\b|\brecherche d'une? (?:nouveau |nouvelle )?(?:successeur|direct|pdg|patron)\w*",
    ),
    ("iend", r"\breste(?:ra)?\b|\bredevien\w*\b|\bdemeure(?:ra)?\b"),
    ("move", r"\bpass\w* a la presidence\b"),
    (
        "succby",
        r"\bremplace\w* (?:[\w']+ ){0,4}?par\b|\bsuccede\w* par\b|\bpass\w* (?:le relais|la main"
        r"|le temoin|"
        r"les renes) a\b|\bced\w* (?:[\w']+ ){0,12}?(?:a|au|aux)\b",
    ),
    ("newafter", r"\bau profit de\b"),
    ("inplace", r"\ba la place de\b|\ben remplacement de\b|\bsuccesseur de\b"),
    (
        "rein",
        r"\breintegr\w*\b|\brevient (?:a la tete|au poste|aux commandes)\b"
        r"|\bretour (?:a la tete|aux commandes)\b|\breprend (?:la tete|les renes|son poste|"
        r"ses fonctions)\b|\bretrouve (?:son|sa) (?:poste|fauteuil|place)\b"
        r"|\bqui avait deja (?:preside|dirige|occupe|ete)\b",
    ),
    (
        "succ",
        r"\bsucced\w*\b|\bsuccede\b|\bremplac(?:e|er|era|erait|ant)\b|\brelaie\b"
        r"|\bprend\w* la suite de\b",
    ),
    ("dep:resigned:n", r"\bdemission\w*\b"),
    (
        "dep:unspecified:n",
        r"\bne (?:serait|sera|seront|seraient|sont|est|va|vont) pas (?:ete )?renouvele\w*\b"
        r"|\bne pas (?:etre )?renouvel\w*\b",
    ),
    (
        "dep:resigned:b",
        r"\bquitt\w*\b|\bs'en va\b|\bced(?:e|era|erait|ait)\b|\bpass\w* (?:la main|"
        r"le relais|le temoin)\b|\babandonn\w*\b"
        r"|\brenonc\w*\b(?! (?:[\w'-]+ ){0,8}?(?:remuneration|salaire|bonus|primes?|dividende"
        r"|indemnite\w*))|\bse retire\w*\b"
        r"|\bne (?:sollicitera|briguera|se representera) pas\b",
    ),
    ("dep:retired:n", r"\bretraite\b"),
    ("dep:died:n", r"\bdeces\b|\bdeced\w*\b|\bmort\b|\bdisparition\b"),
    ("dep:dismissed:a", r"\bse separ\w* de\b"),
    (
        "dep:dismissed:n",
        r"\blimog\w*\b|\bevinc\w*\b|\beviction\b|\brenvoy\w*\b|\blicenci\w*\b"
        r"|\bdestitu\w*\b|\bcongedi\w*\b|\bm(?:is|et|ettre) fin aux fonctions\b"
        r"|\bpouss\w* (?:vers la sortie|au depart|dehors)\b|\bremerci(?:e|ee)\b",
    ),
    ("dep:unspecified:n", r"\bdepart\b|\bsortie\b|\bsuspendu\w*\b"),
    (
        "app:n",
        r"\bnomm\w*\b|\bnomination\b|\bdesign\w*\b|\belu\w*\b|\bchoisi\w*\b|\brecrut\w*\b"
        r"|\bconfi\w* (?:les renes|la direction|la presidence)\b|\bpromu\w*\b|\bintronis\w*\b",
    ),
    (
        "app:b",
        r"\bpren(?:d|dra|drait|nent|dre) (?:la tete|les renes|la direction|la presidence|"
        r"ses fonctions|la place|les commandes|le relais)\b|\bpreside desormais\b"
        r"|\bcumule\b|\bprend\b|\barrive\b|\brejoint\b"
        r"|\bassur\w* (?:l'interim|la direction|la presidence|les fonctions)\b",
    ),
    ("app:b:weak", r"\bdevien(?:t|dra|drait|nent)\b|\bdevenu\w*\b|\bnouvea(?:u|ux)\b|\bnouvelle\b"),
]

# Every BOARD pattern contains one of these substrings (a cheap pre-check).
BOARD_KEYS = ("conseil", "administrat", "siege", "coopt")

BOARD: list[tuple[str, str]] = [
    (
        "bleave",
        r"\bquitt\w* (?:[\w']+ ){0,4}?le conseil\b|\bsortie du conseil\b|\bmandat "
        r"d'administrat\w* (?:arrivait|arrive) a echeance\b|\bquitt\w* son siege\b",
    ),
    (
        "bjoin",
        r"\brejoin\w* (?:le |son )?conseil\b|\bentree au conseil\b|\bentre(?:ra)? au conseil\b"
        r"|\bcomme administrat\w*\b"
        r"|\bnouve(?:au|aux|lle|lles) administrat\w*\b|\belu\w* administrat\w*\b|\bcoopt\w*\b"
        r"|\bsieg\w* au conseil\b",
    ),
    (
        "bover",
        r"\bnouveau conseil\b|\bremani\w* (?:son |le )?conseil\b|\bchangements? (?:[\w']+ ){0,4}?"
        r"(?:du |au )?(?:personnel du )?conseil\b",
    ),
]

ROLES: list[tuple[str, str]] = [
    # Posts outside any company (ministers, diplomats, coaches): a cue about one is no
    # company event.
    (
        "gov",
        r"\bministre\b|\bsecretaire d'etat\b|\bambassad(?:eur|rice)\b|\bgouverneur\b"
        r"|\bsenat(?:eur|rice)\b|\bentraineur\b|\bselectionneur\b",
    ),
    (
        "none",
        r"\bvice-?president\w*\b|\bpresident\w* d'honneur\b|\badjoint\w*\b|\bancien\w*\b"
        r"|\bex-\w+\b",
    ),
    (
        "same",
        r"\b(?:le|ce) poste\b|\bsa place\b|\bses fonctions\b|\bla releve\b|\bsa suite\b"
        r"|\bl'interim\b"
        r"|\bles deux (?:fonctions|postes|casquettes)\b",
    ),
    (
        "ceo",
        r"\bpresident\w* du directoire\b|\bpresident\w*-directeur general\b|\bpdg\b"
        r"|\bpresident\w* executi\w*\b",
    ),
    ("chair", r"\b(?:a )?la tete du conseil(?: d'administration| de surveillance)?\b"),
    ("ceo", r"\bla tete(?= d[eu]\b| d')"),
    (
        "chair",
        r"\bpresident\w* (?:du conseil(?: d'administration| de surveillance)?|non executi\w*)\b"
        r"|\bpresidence du conseil(?: d'administration)?\b|\bpresidence\b",
    ),
    (
        "coo",
        r"\bdirect(?:eur|rice) general\w* delegue\w*\b|\bdirect(?:eur|rice) des operations\b"
        r"|\bnumero deux\b",
    ),
    ("cfo", r"\bdirect(?:eur|rice) financi\w*\b"),
    ("cto", r"\bdirect(?:eur|rice) (?:technique|de la technologie)\b"),
    (
        "ceo",
        r"\bdirect(?:eur|rice) general\w*\b|\bdirection generale\b|\bpatron(?:ne)?\b"
        r"|\ba la tete\b|\bles renes\b|\bles commandes\b|\bnumero un\b|\bceo\b",
    ),
    ("director", r"\badministrat(?:eur|rice)s?\b"),
    ("chair", r"\bpresident\w*\b"),
]

RUMOR = (
    # Journalistic conditional (serait, quitterait, deviendrait...), not the
    # imperfect of -rer verbs (assurait, gerait) which also ends in "-rait".
    r"\b(?:ser|aur|pourr|devr|faudr|voudr|vaudr|saur|fer)ai(?:t|ent)\b"
    r"|\b(?!(?:ger|oper|consider|prefer|gener|esper|moder|liber|tir|attir|inspir)ai)"
    r"\w+(?:erai(?:t|ent)|irai(?:t|ent)|drai(?:t|ent))\b"
    r"|\bselon (?:des|plusieurs|nos|de|la|les|le) (?:sources?|informations|presse|medias|journal)\b"
    r"|\bselon la presse\b|\ben discussions?\b|\bpressenti\w*\b|\bsur la sellette\b"
    r"|\bspeculation\w*\b"
    r"|\ben question\b|\brumeur\w*\b|\bappel\w* a (?:la demission|son depart)\b|\bsous (?:le feu"
    r"|pression)\b"
    r"|\bfragilise\w*\b|\benvisag\w*\b|\bfavori\w*\b|\bpressions? (?:pour|sur)\b|\bexig\w*\b"
    r"|\bpourr\w*\b"
)
DENY = (
    r"\bdement\w*\b|\bdementi\b|\bexclut\b|\bexclu\b|\baucune intention\b|\bpas l'intention\b"
    r"|\bn'a pas l'intention\b|\bfaux\b|\bnie\b|\bnient\b"
)
INTERIM = r"\binterim\w*\b|\bpar interim\b|\bprovisoire\w*\b|\btemporaire\w*\b"
