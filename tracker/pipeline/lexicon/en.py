"""English cues. Tags: see ``tracker.pipeline.lexicon.base``."""

from __future__ import annotations

CUES: list[tuple[str, str]] = [
    (
        "neg",
        r"\bsearch(?:es|ing)? for (?:a |his |her |their )?(?:new )?(?:successor|replacement)\b"
        r"|\b(?:continue|continues|continuing) to (?:run|lead|head)\b"
        r"|\b(?:pick|name|find|choos|select|appoint)\w* (?:a |his |her |their |the |its )"
        r"(?:successor|replacement)\b"
        r"|\b(?:pick|name|find|choos|select|appoint|hire)\w* (?:a|an) (?:new|permanent) "
        r"(?:[\w-]+ ){0,2}?(?:chair\w*|ceo|chief|president|leader|boss)\b"
        r"|\b(?:once|if|unless) (?:[\w'-]+ ){0,4}?\w+"
        r"|\bsucceed(?:s|ed)? in (?=\w+ing\b|(?:its|his|her|their) )"
        r"|\bfire[sd]? back\b|\bfiring back\b|\bre-?elect\w*\b|\bre-?appointed as director\b"
        r"|\bdismiss(?:es|ed)? (?:reports?|speculation|rumou?rs?|claims?)\b"
        r"|\b(?:search|hunt|bid)(?:es|ing)? (?:for|to) (?:a |the )?(?:new |permanent )?"
        r"(?:replace|succeed|successor|replacement|chief|ceo|leader|chair\w*)\b"
        r"|\buntil (?:a |an |the |its )?(?:new |permanent )?(?:[\w-]+ ){0,2}?(?:is|are|has been"
        r"|have been) (?:named|appointed|found|chosen|selected)\b",
    ),
    (
        "iend",
        r"\bstay(?:s|ing)? on\b|\bremain(?:s|ing)?\b|\brevert(?:s|ing)? to\b|\bwill stay\b"
        r"|\bpassed over\b"
        r"|\bgo(?:es)? back to\b",
    ),
    ("move", r"\bmov(?:es|ed|ing) (?:up )?to (?:the )?(?:role of )?(?:executive )?chair\w*\b"),
    (
        "succby",
        r"\b(?:replaced|succeeded) (?:[\w.-]+ ){0,4}?by\b|\bhand(?:s|ed|ing)? over to\b"
        r"|\bhand(?:s|ed|ing)? (?:over )?(?:[\w'.-]+ ){0,4}?(?:job|role|post|reins|baton|"
        r"helm|chairmanship|title)(?: at [\w'.-]+)? to\b"
        r"|\bpass(?:es|ed|ing)? (?:on )?(?:the )?(?:baton|reins|torch) to\b",
    ),
    ("newafter", r"\bgiv(?:e|es|ing) (?:[\w'.-]+ ){0,4}?(?:jobs?|roles?|posts?|reins|helm) to\b"),
    (
        "inplace",
        r"\bin place of\b|\btaking over from\b|\btook over from\b"
        r"|\bsuccessor to\b",
    ),
    (
        "rein",
        r"\breinstat\w*\b|\breturn(?:s|ed|ing)? (?:to (?:his|her|the) (?:old|former) "
        r"(?:job|role|post)|as)\b|\bre-?join(?:s|ed|ing)?\b|\bback as\b|\bbrought back\b"
        r"|\bbring(?:s|ing)? back\b|\breturning to\b|\breturns to\b|\bcomeback\b"
        r"|\b(?:run|lead|head)s? (?:the |its )?(?:[\w-]+ ){0,2}?(?:company|group|firm|bank|maker"
        r"|business) again\b",
    ),
    (
        "succ",
        r"\bsucceed(?:s|ed|ing)?\b|\breplac(?:e|es|ing)\b|\btakes? over from\b",
    ),
    (
        "dep:unspecified:a",
        r"\bpressure (?:is )?(?:mount\w*|grow\w*) on\b"
        r"|\bcall(?:s|ed|ing)? for (?:a )?change at the top\b",
    ),
    (
        "dep:resigned:b",
        r"\b(?:to )?becom\w* (?:an? |the )?(?:vice[- ]chair\w*|(?:senior )?advis[eo]r"
        r"|lead independent director"
        r"|chair\w* emerit\w*)\b|\bstep(?:s|ped|ping)? (?:down|aside|back)\b|\bresign(?:s|ed"
        r"|ing)?\b"
        r"|\bquit(?:s|ting)?\b|\bhand(?:s|ed|ing)? over\b"
        r"|\bgiv(?:e|es|ing) up\b(?! (?:[\w'-]+ ){0,4}?(?:pay|bonus\w*|salary|compensation|raise))"
        r"|\bgave up\b|\bcede[sd]?\b|\bwalk(?:s|ed)? away\b",
    ),
    ("dep:resigned:n", r"\bresignation\b"),
    (
        "dep:retired:b",
        r"\bretir(?:e|es|ed|ing)\b|\bwill not seek (?:re-?election|another term)\b"
        r"|\bnot stand for re-?election\b",
    ),
    ("dep:retired:n", r"\bretirement\b"),
    ("dep:died:n", r"\bdie[sd]\b|\bhas died\b|\bdeath\b|\bpassed away\b"),
    (
        "dep:dismissed:a",
        r"\bfire[sd]?\b|\bfiring\b|\bsack(?:s|ed|ing)?\b|\boust(?:s|ed|ing)?\b"
        r"|\bdismiss(?:es|ed|ing)?\b|\bremove[sd]?\b|\bremoving\b|\baxe[sd]?\b"
        r"|\bterminate[sd]?\b|\bpush(?:es|ed)? out\b|\bforce[sd]? out\b"
        r"|\bshow(?:s|ed|n)? (?:[\w'.-]+ ){1,3}?the door\b|\breplaced\b"
        r"|\bshown the door\b|\bboot(?:s|ed)\b",
    ),
    ("dep:dismissed:n", r"\bouster\b|\bdismissal\b|\bremoval\b|\bsacking\b|\bfiring\b"),
    (
        "dep:unspecified:b",
        r"\bexit(?:s|ed|ing)?\b|\bleav(?:e|es|ing)\b|\bhas left\b|\bleft\b"
        r"|\bdepart(?:s|ed|ing)?\b|\bout (?:as|over|after)\b",
    ),
    ("dep:unspecified:n", r"\bdeparture\b|\bsuspend(?:s|ed)\b|\bplaced on (?:\w+ )?leave\b"),
    (
        "app:n",
        r"\bnam(?:e|es|ed|ing)\b|\bappoint(?:s|ed|ing|ment)?\b|\belect(?:s|ed)?\b"
        r"|\bpromot(?:e|es|ed|ion)\b|\btap(?:s|ped)?\b|\bpick(?:s|ed)?\b|\bchose\b"
        r"|\bchoos(?:e|es)\b|\bselect(?:s|ed)?\b|\bhir(?:e|es|ed)\b|\brecruit(?:s|ed)?\b"
        r"|\blur(?:e|es|ed)\b|\binstall(?:s|ed|ing)?\b|\bboard (?:will be )?chaired by\b",
    ),
    (
        "app:b",
        r"\btak(?:e|es|ing) over\b|\btook over\b|\bstep(?:s|ped)? in\b"
        r"|\btak(?:e|es|ing) (?:the helm|charge|the reins)\b|\bjoin(?:s|ed)?\b"
        r"|\b(?:will|to) (?:serve|act) as\b|\badds? (?:the )?\w+ title\b"
        r"|\b(?:will|to) (?:lead|run|head) the (?:company|bank|group|firm|business|carrier)\b(?!')"
        r"|\b(?:will|to) chair (?:the |its )?(?:new |reconstituted )?board\b",
    ),
    ("app:b:weak", r"\bbecom(?:e|es|ing)\b|\bbecame\b|\bnew\b|\bwill be\b"),
]

# Every BOARD pattern contains one of these substrings (a cheap pre-check).
BOARD_KEYS = ("board", "director")

BOARD: list[tuple[str, str]] = [
    (
        "bleave",
        r"\b(?:leav(?:e|es|ing)|left|quit(?:s|ting)?|exit(?:s|ed|ing)?|depart) "
        r"(?:the |its |his |her )?"
        r"(?:[\w.-]+'s |[\w.-]+ )?board\b|\bstep(?:s|ped|ping)? (?:off|down from) (?:the |its )?"
        r"(?:[\w.-]+'s |[\w.-]+ )?board\b|\b(?:resign(?:s|ed|ing)?|depart(?:s|ed)?) from "
        r"(?:the |its )?(?:[\w.-]+'s |[\w.-]+ )?board\b"
        r"|\boff (?:the |its )?board\b",
    ),
    (
        "bjoin",
        r"\bjoin(?:s|ed|ing)? (?:the |its |[\w.-]+'s |[\w.-]+ )?board\b|\b(?:to|onto) (?:the |its |"
        r"[\w.-]+'s )?board\b|\bas (?:an? )?(?:new )?(?:independent |non-executive )?"
        r"directors?\b|\bnew (?:independent )?directors?\b|\badd(?:s|ed|ing)? (?:\w+ ){0,2}?"
        r"(?:independent )?directors?\b|\bboard seats?\b|\bboard (?:will be )?chaired by\b",
    ),
    (
        "bover",
        r"\bboard (?:overhaul|shake-?up|reshuffle|revamp)\b|\boverhaul(?:s|ed)? (?:its |the )?"
        r"board\b|\bnew (?:initial |interim )?board\b(?! chaired)",
    ),
]

ROLES: list[tuple[str, str]] = [
    # Posts outside any company (ministers, diplomats, coaches): a cue about one is no
    # company event.
    (
        "gov",
        r"\bsecretary of (?:state|the treasury|defense|commerce|energy|labor)\b|\b\w*minister\b"
        r"|\bambassador\b|\bgovernor\b|\bsenator\b|\b(?:head )?coach\b",
    ),
    ("none", r"\bvice[- ]?(?:chair\w*|president)\b|\bdeputy \w+\b|\bformer\b"),
    (
        "same",
        r"\bin (?:his|her|their) place\b|\bthe (?:job|post|role|reins|position)\b"
        r"|\bboth (?:roles|posts|jobs)\b|\b(?:his |her |their |its )?successor\b",
    ),
    ("cfo", r"\bchief financial officer\b|\bcfo\b|\bfinance chief\b|\bfinancial chief\b"),
    ("coo", r"\bchief operating officer\b|\bcoo\b|\boperating chief\b"),
    (
        "cto",
        r"\bchief technology officer\b|\bchief technical officer\b|\bcto\b"
        r"|\btechnology chief\b|\btech chief\b",
    ),
    (
        "ceo",
        r"\b(?:co-?)?chief executives?(?: officers?)?\b|\b(?:co-?)?ceos?\b|\btop job\b|\bhelm\b"
        r"|\btop post\b|\bmanaging director\b"
        r"|\b(?:lead|run|head) the (?:company|bank|group|firm|business|carrier)\b(?!')",
    ),
    ("other_exec", r"\bchief [\w-]+ officer\b|\bgeneral counsel\b|\bchief scientist\b"),
    (
        "chair",
        r"\b(?:executive |non-executive )?chair(?:man|woman|person)?\b|\bchairmanship\b"
        r"|\bchaired by\b",
    ),
    ("president", r"\bpresident\b"),
    ("director", r"\bdirectors?\b|\bboard members?\b"),
    ("ceo", r"\bchief\b|\bboss\b|\bleader\b"),
]

RUMOR = (
    r"\bpush(?:es|ing)? (?:to (?:oust|remove|replace)|for (?:\w+ ){0,2}?(?:ouster|removal|"
    r"resignation|exit|departure|change|replacement))\b|\burg(?:es|ing)\b"
    r"|\bwants? to (?:oust|remove|replace)\b"
    r"|\bin talks\b|\bcould\b|\bmight\b|\bmay\b|\bsources? (?:said|say|says|familiar|close)\b"
    r"|\baccording to (?:people|sources|a person|persons|reports?|media|insiders)\b"
    r"|\bpeople (?:familiar|briefed|close)\b|\b(?:is|are) said to\b|\bsaid to be\b|\breportedly\b"
    r"|\bcall(?:s|ing)? (?:for|to)\b|\bcalled for\b|\bpressure (?:is )?mounting\b"
    r"|\bpressure (?:to|on)\b|\bunder pressure\b"
    r"|\bseeks? to (?:bar"
    r"|oust|remove)\b"
    r"|\bconsider(?:s|ing)?\b|\bweigh(?:s|ing)?\b|\bexpected to\b|\bpoised to\b|\bfavou?rite\b"
    r"|\bfront-?runner\b|\bspeculat\w*\b|\bdemand(?:s|ed)? that\b|\bshortlist\w*\b"
    r"|\bclose to (?:naming|appointing|hiring)\b|\bpreparing to\b|\bdiscuss(?:ing|es|ions)?\b"
    r"|\bmull(?:s|ing)?\b|\bunder fire\b|\bin line to\b|\brumou?r\w*\b|\bpossible\b"
)
DENY = (
    r"\bden(?:y|ies|ied)\b|\brul(?:e|es|ed) out\b|\bno plans? to\b|\bnot (?:going|planning) to\b"
    r"|\bdismiss(?:es|ed)? (?:reports?|speculation|rumou?rs?)\b|\bnot true\b|\bincorrect\b"
    r"|\bwithdr(?:aw|aws|ew|awn)\b|\bno intention\b"
)
INTERIM = r"\binterim\b|\bacting\b|\btemporar\w+\b|\bcaretaker\b"
