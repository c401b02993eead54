"""German cues (folded text: no umlauts)."""

from __future__ import annotations

CUES: list[tuple[str, str]] = [
    (
        "neg",
        r"\bwer (?:[\w.-]+ ){0,8}?nachfolg\w*\b"
        r"|\bsuch\w* (?:[\w.-]+ ){0,2}?nachfolger\w*\b|\bwiedergewahlt\b|\bbestatig\w*\b"
        r"|\bstellen\w* (?:ab|streichen)\b|\bsuche nach (?:einem |einer )?(?:neuen|nachfolger)\w*"
        r"|\bbis (?:ein|eine) (?:nachfolger|nachfolgerin) (?:gefunden|bestimmt)\b",
    ),
    ("iend", r"\bbleibt\b"),
    ("move", r"\bwechselt an die spitze des (?:aufsichts|verwaltungs)rat\w*"),
    (
        "succby",
        r"\babgelost (?:von|durch)\b|\bersetzt (?:von|durch)\b"
        r"|\bubergibt (?:[\w.-]+ ){0,14}?an\b(?! (?:der|den|dem|die|das)\b)"
        r"|\bgibt (?:[\w.-]+ ){0,8}?an\b(?! (?:der|den|dem|die|das)\b)"
        r"(?= (?:[\w.-]+ ){1,4}?ab\b)",
    ),
    (
        "inplace",
        r"\bnachfolger\w* (?:von|fur)\b|\b(?:posten|vorsitz|vorstandsvorsitz|chefposten|amt)"
        r" von\b",
    ),
    ("newafter:n", r"\b(?:zum|zur|als) (?:\w+ )?nachfolger(?:in)?\b(?! (?:von|fur|des|der)\b)"),
    (
        "newafter",
        r"\bnachfolger\w*\b|\b(?:seine|ihre|dessen|deren) nachfolge\b"
        r"|\bdie nachfolge(?= (?:ubernimmt|ubernehmen|tritt|treten)\b)",
    ),
    (
        "rein",
        r"\bkehrt (?:[\w.-]+ ){0,5}?zuruck\b|\bruckkehr\b(?! zu)|\bzuruckgekehrt\b"
        r"|\bwieder(?:eingesetzt|berufen)\b|\bwieder an die spitze\b|\bcomeback\b"
        r"|\bholt (?:[\w.-]+ ){0,4}?zuruck\b|\bzuruckgeholt\b",
    ),
    (
        "succ",
        r"\blost (?:[\w.-]+ ){0,10}?ab\b|\bfolgt (?:[\w.-]+ ){0,4}?auf\b|\bbeerbt\b|\bersetzt\b"
        r"|\bfolgt (?:[\w.-]+ ){1,6}?nach\b"
        r"|\bwird (?:[\w.-]+ ){0,2}?nachfolger\w* (?:von|des|der)\b"
        r"|\b(?:tr(?:itt|at|aten|eten)|ubernimmt|ubernahm|ubernehmen) (?:[\w.-]+ ){0,2}?nachfolge"
        r" (?:von|des|der)\b|\bnachfolge (?:von|des|der) (?=(?:[\w.-]+ ){1,6}?antreten\b)"
        r"|\bubernimmt (?!(?:[\w.-]+ ){0,4}?verantwortung)(?:[\w.-]+ ){0,5}?von\b"
        r"|\bder nachfolger (?:von|des|der)\b(?= (?:[\w.-]+ ){1,5}?(?:wird|werde|werden)\b)",
    ),
    (
        "succvf",
        r"\bnachfolg(?:t|en|te|ten)\b|\bbeerben\b|\bablosen\b|\bablost\b|\bersetzen\b",
    ),
    (
        "dep:resigned:b",
        r"\btr(?:itt|aten)\w* (?:[\w.-]+ ){0,20}?zuruck\b|\bzurucktreten\b"
        r"|\bzuruckgetreten\b|\btr(?:itt|aten) ab\b(?= *(?:$|[,.;]|und\b|per\b|zum\b))"
        r"|\babtreten\b|\babgetreten\b|\bwirft (?:[\w.-]+ ){0,2}?hin\b|\bwerfen hin\b"
        r"|\bhingeworfen\b|\bleg(?:t|en|te|ten) (?:[\w.-]+ ){0,10}?nieder\b"
        r"|\bniederleg\w*\b|\bniedergelegt\b|\bgibt (?:[\w.-]+ ){0,10}?ab\b|\babgeben\b"
        r"|\babgegeben\b|\bverlass\w*\b|\bverlasst\b|\bverliess\b|\bzieht sich\b"
        r"|\bgeht (?:fruher|vorzeitig|von bord)\b|\braum\w* (?:[\w.-]+ ){0,3}?(?:posten|platz|stuhl"
        r"|sessel|chefsessel)\b",
    ),
    (
        "dep:resigned:n",
        r"\brucktritt\w*\b|\bruckzug\b(?! aus (?!dem (?:vorstand|amt|aufsichtsrat|verwaltungsrat"
        r"|unternehmen)\b|der (?:konzern|unternehmens)spitze\b))",
    ),
    (
        "dep:retired:b",
        r"\bnicht (?:[\w.-]+ ){0,4}?verlangern\b|\bnicht fur (?:eine )?(?:zweite|weitere)"
        r" amtszeit\b|\bruhestand\b",
    ),
    (
        "dep:died:n",
        r"\bgestorben\b|\bstirbt\b|\bverstorben\w*\b|\btod\b|\btot (?:[\w.-]+ ){0,6}?aufgefunden\b",
    ),
    (
        "dep:dismissed:a",
        r"\bentlass\w*\b|\bentlasst\b|\bfeuert\b|\bschasst\b|\bsetzt (?:[\w.-]+ ){0,4}?ab\b"
        r"|\btrennt sich (?:[\w.-]+ ){0,4}?von\b|\babberuf\w*\b"
        r"|\bsich (?:[\w.-]+ ){0,10}?getrennt\b",
    ),
    (
        "dep:dismissed:n",
        r"\bgefeuert\b|\bgeschasst\b|\babgesetzt\b|\babgelost\b|\brauswurf\b|\bmuss gehen\b"
        r"|\bablose\b"
        r"|\bvor die tur\b|\bgekundigt\b|\bablosung\b",
    ),
    (
        "dep:unspecified:n",
        r"\bscheid(?:et|en) (?:[\w.-]+ ){0,10}?aus\b|\bausscheid\w*\b|\bausgeschieden\b"
        r"|\babgang\b|\babschied\b|\bsuspendiert\b|\bbeurlaubt\b|\bfreigestellt\b"
        r"|\bstellt (?:[\w.-]+ ){0,4}?frei\b",
    ),
    (
        "app:n",
        r"\bernann\w*\b|\bernennung\b|\bernenn(?:en|t)\b|\bberuf\w*\b|\bberief\w*\b|\bbestellte?n?\b"
        r"|\bbestimmt\b"
        r"|\bgewahlt\b|\bwahlt\b|\bholt\b|\bbefordert\b"
        r"|\b(?:steigt|stieg) (?:[\w.-]+ ){0,10}?(?:zum|zur) [\w-]+ auf\b"
        r"|\b(?:steigt|stieg) (?:[\w.-]+ ){0,10}?an die spitze\b",
    ),
    (
        "app:b",
        r"\bubernimmt\b|\bubernommen\b|\bubernehmen\b|\bruckt (?:[\w.-]+ ){0,3}?an die spitze\b"
        r"|\bfuhrt (?:ab \w+ )?(?:den|das|die) (?:konzern|verwaltungsrat|aufsichtsrat|"
        r"unternehmen)\b|\btritt (?:[\w.-]+ ){0,3}?an\b"
        r"|\bgeschafte fuhrt\b|\bfuhrt (?:[\w.-]+ ){0,3}?die geschafte\b"
        r"|\b(?:neu )?in den vorstand (?:ruckt|rucken|berufen|bestellt)\b",
    ),
    ("app:b:weak", r"\bwird\b|\bwerden\b|\bist neu(?:er|e)\b|\bneu(?:er|e|en)\b"),
]

# Every BOARD pattern contains one of these substrings (a cheap pre-check).
BOARD_KEYS = ("rat",)

BOARD: list[tuple[str, str]] = [
    (
        "bleave",
        r"\b(?:aus dem|den) (?:aufsichtsrat|verwaltungsrat)\w* (?:[\w.-]+ ){0,3}?(?:verlassen|"
        r"zuruckgezogen|ausgeschieden|aus)\b|\bverlasst den (?:aufsichtsrat|verwaltungsrat)\b",
    ),
    (
        "bjoin",
        r"\bneue\w* (?:aufsichtsrats|verwaltungsrats)mitglied\w*\b|\bin den (?:aufsichtsrat|"
        r"verwaltungsrat) (?:gewahlt|berufen|einziehen|entsandt)\b|\bzieh\w* in den "
        r"(?:aufsichts|verwaltungs)rat\b",
    ),
    (
        "bover",
        r"\bneue\w* (?:aufsichtsrat|verwaltungsrat)\b|\bumbau des (?:aufsichts|verwaltungs)"
        r"rat\w*\b",
    ),
]

ROLES: list[tuple[str, str]] = [
    # Posts outside any company (ministers, diplomats, coaches): a cue about one is no
    # company event.
    (
        "gov",
        r"\b\w*minister(?:in)?\b|\bstaatssekretar\w*\b|\bbotschafter\w*\b|\bgouverneur\w*\b"
        r"|\bsenator\w*\b|\b\w*trainer(?:in)?\b",
    ),
    ("none", r"\bstellvertretend\w*\b|\bfruher\w*\b|\bex-\w+\b|\bvize\w*\b"),
    ("same", r"\bden posten\b|\bdas amt\b|\bden job\b|\b(?:seinen|ihren) posten\b"),
    ("chair", r"\bfuhrt den (?:verwaltungs|aufsichts)rat\b"),
    (
        "chair",
        r"\baufsichtsrat\w*chef\w*\b|\baufsichtsratsvorsitz\w*\b|\bverwaltungsratschef\w*\b"
        r"|\bverwaltungsratsvorsitz\w*\b|\bvorsitz (?:im|des) (?:aufsichtsrat|verwaltungsrat|"
        r"kontrollgremium|gremium)\w*\b|\bden vorsitz\b|\bspitze des (?:aufsichts|verwaltungs)"
        r"rat\w*\b|\boberste\w* kontrolleur\b|\bspitze des (?:kontroll|aufsichts)gremium\w*\b"
        r"|\bverwaltungsratsprasident\w*\b|\bprasidium\b|\bprasident\w* des verwaltungsrat\w*\b",
    ),
    (
        "ceo",
        r"\bvorstandsvorsitz\w*\b|\bvorstandschef\w*\b|\bkonzernchef\w*\b|\bkonzernspitze\b"
        r"|\bunternehmenschef\w*\b|\bchefposten\b|\bvorsitzende\w* des vorstand\w*\b"
        r"|\bdas ruder\b|\bdas steuer\b|\bceo\b|\bchef(?:in)?\b|\bspitze\b"
        r"|\bfuhrt (?:ab \w+ )?(?:den|das) (?:konzern|unternehmen)\b|\bdie (?:fuhrung|leitung)\b"
        r"|\bkonzernleitung\b"
        r"|\bdie geschafte\b",
    ),
    ("cfo", r"\bfinanzchef\w*\b|\bfinanzvorstand\w*\b|\bcfo\b"),
    ("coo", r"\bvorstand fur das operative geschaft\b|\bbetriebsvorstand\w*\b"),
    ("cto", r"\btechnologievorst\w*\b|\btechnikvorst\w*\b|\bcto\b"),
    ("coo", r"\bcoo\b"),
    ("other_exec", r"\bproduktionsvorst\w*\b|\b\w+vorstand\w*\b"),
    ("director", r"\b(?:aufsichtsrats|verwaltungsrats)mitglied\w*\b"),
    ("chair", r"\bvorsitzende[nr]?\b"),
]

RUMOR = (
    r"\bsoll\b|\bsollen\b|\bsolle\b|\bkonnte\b|\bdurfte\b|\bkreisen zufolge\b"
    r"|\b\w*kreisen\b|\bnach informationen\b|\b(?:zeitungs|presse)bericht\w*\b"
    r"|\b\w*berichten zufolge\b"
    r"|\blaut (?:einem |einer )?(?:medienbericht\w*|bericht\w*|insidern|kreisen)\b"
    r"|\bmedienbericht\w*\b"
    r"|\bwackelt\b|\bunter druck\b|\bspekul\w*\b|\bgilt als (?:favorit|kandidat)\w*\b"
    r"|\bfavorit\w*\b"
    r"|\bim gesprach\b|\binsider\w*\b|\bunmut\b|\bforder\w* (?:den )?rucktritt\b|\bangeblich\b"
)
DENY = (
    r"\bdementi\w*\b|\bausgeschlossen\b|\bkeine plane\b|\bnicht zutreffend\b"
    r"|\bweist (?:[\w.-]+ ){0,8}?zuruck\b|\bzuruckgewiesen\b"
)
# A firm decision or an official statement: "soll" there reports a plan, not hearsay.
OFFICIAL = (
    r"\bbeschlossen\b|\bbeschloss\b|\bteilte\b|\bmitteilte\b|\bgab (?:[\w.-]+ ){0,3}?bekannt\b"
    r"|\bbekanntgab\b|\bentschieden\b"
)
MODAL = ("soll", "sollen", "solle")
INTERIM = (
    r"\binterim\w*\b|\bkommissarisch\w*\b|\bubergangsweise\b|\bvorubergehend\w*\b|\bamtierend\w*\b"
)
