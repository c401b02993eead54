"""Sentence structures found missing on a blind corpus, each with invented items.

Companies and people here appear in no corpus: a case passes only through the
general rule (a separable German verb, a successor named by "al suo posto", a
post outside any company...), not through a fit to one corpus item.
"""

from __future__ import annotations

from datetime import datetime

import pytest
from extract_helpers import EventKey, summarize

from tracker.domain import Company, NewsItem, Watchlist
from tracker.pipeline.extract import build_extractor

WATCHLIST = Watchlist(
    (
        Company("kestrel", "Kestrel Systems AG", ("Kestrel",)),
        Company("orvane", "Orvane Foods Inc.", ("Orvane",)),
        Company("belmira", "Groupe Belmira", ("Belmira",)),
        Company("taravel", "Grupo Taravel", ("Taravel",)),
        Company("ossola", "Ossola SpA", ("Ossola",)),
        Company("sage", "Sage Group plc", ("Sage",)),
        Company("zelto", "zelto AG", ("zelto",)),
    )
)
EXTRACTOR = build_extractor(WATCHLIST)

Key = EventKey


def _keys(title: str, summary: str) -> set[Key]:
    return summarize(EXTRACTOR.extract(NewsItem("t", title, summary)))


def _dep(company: str, role: str, *people: str, certainty: str = "reported") -> Key:
    return (company, "departure", role, certainty, tuple(sorted(people)))


def _app(company: str, role: str, *people: str, certainty: str = "reported") -> Key:
    return (company, "appointment", role, certainty, tuple(sorted(people)))


CASES = [
    # German: separable verbs around a date, successors named by "Nachfolge"/"zum Nachfolger"
    pytest.param(
        "Kestrel-Chefin Dora Wilke tritt ab",
        "Dora Wilke legt ihr Amt als Vorstandschefin von Kestrel zum 31. März nieder. "
        "Der Aufsichtsrat bestellte Finanzvorstand Lukas Brandt zum Nachfolger.",
        {_dep("kestrel", "ceo", "Wilke"), _app("kestrel", "ceo", "Brandt")},
        id="de-zum-nachfolger-bestellt",
    ),
    pytest.param(
        "Kestrel: Vorstandschef Paul Renner verlässt den Konzern",
        "Seine Nachfolge treten mit sofortiger Wirkung Maria Oste und Jonas Feld an.",
        {_dep("kestrel", "ceo", "Renner"), _app("kestrel", "ceo", "Feld", "Oste")},
        id="de-seine-nachfolge-antreten",
    ),
    pytest.param(
        "Kestrel ernennt Ina Moll zur Vorstandschefin",
        "Sie übernimmt am 1. Juli von Karl Sieber, der in den Aufsichtsrat wechselt.",
        {_app("kestrel", "ceo", "Moll"), _dep("kestrel", "ceo", "Sieber")},
        id="de-uebernimmt-am-datum-von",
    ),
    pytest.param(
        "Kestrel trennt sich von Konzernchef Otto Brem",
        "Der Konzern hat sich nach fünf Jahren von Vorstandschef Otto Brem getrennt. "
        "Finanzchefin Vera Lutz führt den Konzern kommissarisch.",
        {_dep("kestrel", "ceo", "Brem"), _app("kestrel", "ceo", "Lutz")},
        id="de-getrennt-and-interim-leader",
    ),
    pytest.param(
        "Kestrel bekommt einen neuen Chef",
        "Kestrel hat einen neuen Chef: Tom Weigel löst zum 1. Mai Eva Hart ab.",
        {_app("kestrel", "ceo", "Weigel"), _dep("kestrel", "ceo", "Hart")},
        id="de-neuer-chef-loest-ab",
    ),
    pytest.param(
        "Kestrel beendet Doppelspitze",
        "Co-Chefin Anna Roth scheidet zum 30. Juni im gegenseitigen Einvernehmen aus.",
        {_dep("kestrel", "ceo", "Roth")},
        id="de-co-chefin-scheidet-aus",
    ),
    # French: "prend sa suite", "assure l'intérim", a mandate not renewed
    pytest.param(
        "Belmira : le directeur général Marc Olier quitte ses fonctions",
        "Sophie Varen, directrice des opérations, prend sa suite.",
        {_dep("belmira", "ceo", "Olier"), _app("belmira", "ceo", "Varen")},
        id="fr-prend-sa-suite",
    ),
    pytest.param(
        "Belmira : Luc Sarde évincé, Anne Pivot assure l'intérim",
        "La secrétaire générale, Anne Pivot, assurera la direction générale par intérim.",
        {_dep("belmira", "ceo", "Sarde"), _app("belmira", "ceo", "Pivot")},
        id="fr-assure-l-interim",
    ),
    pytest.param(
        "Le mandat de Luc Sarde ne serait pas renouvelé à la tête de Belmira",
        "",
        {_dep("belmira", "ceo", "Sarde", certainty="rumored")},
        id="fr-mandat-pas-renouvele-rumour",
    ),
    pytest.param(
        "Hugo Marin prend la présidence de Norvel",
        "Le conseil de Norvel l'a nommé président. "
        "Le patron de Belmira quittera comme prévu le groupe en mai.",
        set(),
        id="fr-headline-about-another-firm-and-announced-exit",
    ),
    # Spanish: "en lugar de" after a date, "el relevo de", a return, an interim leader
    pytest.param(
        "Taravel elige a Rosa Lin como consejera delegada",
        "Rosa Lin será la consejera delegada desde enero de 2026 en lugar de Pedro Gil.",
        {_app("taravel", "ceo", "Lin"), _dep("taravel", "ceo", "Gil")},
        id="es-en-lugar-de-after-date",
    ),
    pytest.param(
        "Taravel prepararía el relevo de Pedro Gil en la presidencia",
        "",
        {_dep("taravel", "chair", "Gil", certainty="rumored")},
        id="es-el-relevo-de-rumour",
    ),
    pytest.param(
        "Taravel recupera a Ana Soto como consejera delegada",
        "Ana Soto, que ya dirigió la compañía entre 2010 y 2016, sustituye a Pedro Gil.",
        {
            ("taravel", "reinstatement", "ceo", "reported", ("Soto",)),
            _dep("taravel", "ceo", "Gil"),
        },
        id="es-recupera-reinstatement",
    ),
    pytest.param(
        "Taravel: Luis Mora renuncia a su puesto de consejero delegado",
        "El presidente, Juan Roca, asume la dirección de forma interina.",
        {_dep("taravel", "ceo", "Mora"), _app("taravel", "ceo", "Roca")},
        id="es-asume-la-direccion",
    ),
    # Italian: "consigliere delegato" is the CEO; "al suo posto"; a denial in the first person
    pytest.param(
        "Ossola, si dimette il consigliere delegato Piero Lana",
        "Il consiglio ha nominato al suo posto Marta Fosco, finora direttore finanziario.",
        {_dep("ossola", "ceo", "Lana"), _app("ossola", "ceo", "Fosco")},
        id="it-al-suo-posto",
    ),
    pytest.param(
        "Lana smentisce: 'Non lascio Ossola'",
        "Piero Lana ha smentito le indiscrezioni. 'Non lascio Ossola', "
        "ha detto il consigliere delegato.",
        {_dep("ossola", "ceo", certainty="denied")},
        id="it-non-lascio-denied",
    ),
    # English
    pytest.param(
        "Orvane CEO Ray Dunn to undergo heart surgery",
        "Co-presidents Ken Ames and Lia Park will lead the company on an interim basis, "
        "Orvane said.",
        {_app("orvane", "ceo", "Ames", "Park")},
        id="en-lead-the-company-interim",
    ),
    pytest.param(
        "Orvane chairman Ray Dunn steps down",
        "The board named director Ken Ames, a former dean of Hallow College, as chairman.",
        {_dep("orvane", "chair", "Dunn"), _app("orvane", "chair", "Ames")},
        id="en-named-director-as-chairman",
    ),
    pytest.param(
        "Orvane CEO Ray Dunn resigns",
        "An interim executive committee chaired by Ken Ames will run the company "
        "until a new CEO is named.",
        {_dep("orvane", "ceo", "Dunn")},
        id="en-committee-runs-the-company",
    ),
    pytest.param(
        "President fires Ray Dunn as secretary of state, names Ken Ames",
        "Dunn, the former chief executive of Orvane, had clashed with the president.",
        set(),
        id="en-post-outside-any-company",
    ),
    pytest.param(
        "Orvane's former CEO Ray Dunn joins Hallow's board",
        "Ray Dunn has been elected to the board of Hallow, the retailer said.",
        set(),
        id="en-another-firms-board",
    ),
    pytest.param(
        "Ray Dunn to step down as Hallow CEO",
        "Ray Dunn, who also sits on Orvane's advisory panel, will step down as Hallow CEO.",
        set(),
        id="en-title-of-another-firm",
    ),
    pytest.param(
        "Orvane Airlines names Ken Ames chief executive",
        "Orvane Airlines, the carrier that shares a name with the food group, said "
        "Ames succeeds Lia Park.",
        set(),
        id="en-unit-noun-after-name",
    ),
    pytest.param(
        "Designer Tom Sage steps down from his label",
        "Designer Tom Sage is stepping down as creative director of the fashion house.",
        set(),
        id="en-ambiguous-name-as-surname",
    ),
    pytest.param(
        "Orvane names Ken Ames CEO",
        "He succeeds Lia Park, whose plan to retire was announced in February.",
        {_app("orvane", "ceo", "Ames")},
        id="en-whose-clause-is-background",
    ),
    # German, continued
    pytest.param(
        "Kestrel: Max Ulm gibt den Vorstandsvorsitz im Mai 2026 an Ida Kern ab",
        "",
        {_dep("kestrel", "ceo", "Ulm"), _app("kestrel", "ceo", "Kern")},
        id="de-gibt-an-x-ab",
    ),
    pytest.param(
        "Kestrel trennt sich von Vorstandschef Max Ulm",
        "Die Nachfolge übernimmt zum 1. Oktober Ida Kern, die bislang die Tochter in Polen führt.",
        {_dep("kestrel", "ceo", "Ulm"), _app("kestrel", "ceo", "Kern")},
        id="de-die-nachfolge-uebernimmt",
    ),
    pytest.param(
        "Kestrel stellt Vorstandschef Max Ulm frei",
        "Den Vorstandsvorsitz übernimmt das frühere Vorstandsmitglied Ida Kern, "
        "die den Umbau vorantreiben soll.",
        {_dep("kestrel", "ceo", "Ulm"), _app("kestrel", "ceo", "Kern")},
        id="de-task-in-relative-clause-is-no-rumour",
    ),
    pytest.param(
        "Kestrel ernennt Ida Kern zur Vorstandschefin",
        "Sie übernimmt den Posten von Max Ulm, der seinen Vertrag nicht erfüllen wird.",
        {_app("kestrel", "ceo", "Kern"), _dep("kestrel", "ceo", "Ulm")},
        id="de-negated-weak-verb-is-no-denial",
    ),
    pytest.param(
        "Kestrel weist Bericht über Rückzug von Max Ulm zurück",
        "Kestrel hat einen Medienbericht dementiert, wonach Vorstandschef Max Ulm "
        "seinen Rückzug vorbereite.",
        {_dep("kestrel", "ceo", "Ulm", certainty="denied")},
        id="de-rueckzug-denied",
    ),
    pytest.param(
        "Orvane trennt sich von Vorstandschef Max Ulm",
        "Zum 1. Juli übernimmt der frühere Kestrel-Vorstand Ida Kern die Führung des Unternehmens.",
        {_dep("orvane", "ceo", "Ulm"), _app("orvane", "ceo", "Kern")},
        id="de-former-employer-is-not-the-actor",
    ),
    # Romance languages, continued
    pytest.param(
        "Ossola, si dimette l'amministratore delegato Piero Lana",
        "La guida del gruppo passa ad interim al direttore finanziario Marta Fosco.",
        {_dep("ossola", "ceo", "Lana"), _app("ossola", "ceo", "Fosco")},
        id="it-la-guida-passa-a",
    ),
    pytest.param(
        "Ossola, l'assemblea conferma Piero Lana alla guida",
        "L'assemblea ha rinnovato il consiglio di amministrazione per tre anni.",
        set(),
        id="it-board-renewed-is-no-change",
    ),
    pytest.param(
        "La junta de Taravel reelige a Luis Mora como consejero",
        "Los accionistas aprobaron la reelección de Luis Mora como consejero.",
        set(),
        id="es-reeleccion",
    ),
    pytest.param(
        "Belmira va supprimer 800 postes",
        "Le groupe supprime 800 emplois, a indiqué son PDG Marc Olier, qui renonce par ailleurs "
        "à une partie de sa rémunération.",
        set(),
        id="fr-renonce-a-sa-remuneration",
    ),
    pytest.param(
        "Orvane CEO Ray Dunn to give up his bonus",
        "Ray Dunn will give up his annual bonus after the recall, Orvane said.",
        set(),
        id="en-gives-up-bonus",
    ),
    pytest.param(
        "Orvane names Ken Ames chief executive",
        "Ames, the chief creative officer, will become chief executive of the British "
        "snack maker while keeping his design role.",
        {_app("orvane", "ceo", "Ames")},
        id="en-descriptive-owner",
    ),
    # Titles already held, successors not yet named, people written before their role
    pytest.param(
        "Orvane CEO Ray Dunn resigns",
        "Chairman Ken Ames will become executive chairman until a permanent CEO is found.",
        {_dep("orvane", "ceo", "Dunn")},
        id="en-chairman-becomes-executive-chairman",
    ),
    pytest.param(
        "Orvane chairman Ray Dunn quits",
        "Orvane said it would name a new chairman in the coming weeks.",
        {_dep("orvane", "chair", "Dunn")},
        id="en-will-name-a-new-chairman",
    ),
    pytest.param(
        "Orvane CEO Ray Dunn resigns; Ken Ames to return",
        "Founder Ken Ames, who handed him the job in 2015, will run the food maker again.",
        {_dep("orvane", "ceo", "Dunn"), ("orvane", "reinstatement", "ceo", "reported", ("Ames",))},
        id="en-run-the-company-again",
    ),
    pytest.param(
        "Orvane CEO Ray Dunn resigns, saying he could not continue",
        "Ray Dunn resigned as chairman and chief executive of Orvane, saying he could not "
        "continue. Former director Lia Park will chair the board.",
        {
            _dep("orvane", "ceo", "Dunn"),
            _dep("orvane", "chair", "Dunn"),
            _app("orvane", "chair", "Park"),
        },
        id="en-saying-clause-is-no-rumour",
    ),
    pytest.param(
        "Orvane picks Ken Ames as chief executive",
        "Ken Ames, a former deputy chief executive of snack maker Sage, succeeds Lia Park.",
        {_app("orvane", "ceo", "Ames"), _dep("orvane", "ceo", "Park")},
        id="en-former-employer-far-before-the-name",
    ),
    pytest.param(
        "Coup de tonnerre chez Belmira, qui remercie son directeur général Marc Olier",
        "Marc Olier est remplacé par Anne Pivot, jusqu'ici patronne de la division énergie.",
        {_dep("belmira", "ceo", "Olier"), _app("belmira", "ceo", "Pivot")},
        id="fr-successor-described-by-a-division",
    ),
    pytest.param(
        "Belmira : Marc Olier passe la main",
        "Marc Olier cédera le 4 mai la direction générale de Belmira à Anne Pivot.",
        {_dep("belmira", "ceo", "Olier"), _app("belmira", "ceo", "Pivot")},
        id="fr-cede-with-a-long-object",
    ),
    pytest.param(
        "Belmira Telecom : Anne Pivot nommée PDG",
        "Anne Pivot succède à Marc Olier à la tête de Belmira Telecom, filiale du groupe.",
        set(),
        id="fr-unit-noun-after-the-name",
    ),
    pytest.param(
        "Ossola, Marta Fosco lascia dopo sei anni",
        "La direttrice tecnica di Ossola, Marta Fosco, ha annunciato che lascerà la società.",
        {_dep("ossola", "cto", "Fosco")},
        id="it-direttrice-tecnica",
    ),
    pytest.param(
        "Taravel: Rosa Lin será reelegida presidenta",
        "El consejo propondrá la reelección de Rosa Lin como presidenta.",
        set(),
        id="es-weak-cue-next-to-reelection",
    ),
    pytest.param(
        "zelto dément tout projet de départ de Marc Olier",
        "Le groupe zelto a démenti une information selon laquelle son directeur général, "
        "Marc Olier, s'apprêterait à quitter ses fonctions.",
        {_dep("zelto", "ceo", "Olier", certainty="denied")},
        id="fr-lower-case-brand-denial",
    ),
    pytest.param(
        "Orvane's Dunn to leave, Ames tapped as successor",
        "Ray Dunn will leave Orvane in July. Finance director Ken Ames will take over the top job.",
        {_dep("orvane", "ceo", "Dunn"), _app("orvane", "ceo", "Ames")},
        id="en-possessive-before-a-person",
    ),
    pytest.param(
        "Orvane CEO Ray Dunn dies at 61",
        "The board has named president Ken Ames as interim chief executive.",
        {_dep("orvane", "ceo", "Dunn"), _app("orvane", "ceo", "Ames")},
        id="en-has-named-president-x",
    ),
    # Verb-final successions, headlines that name only "a change at the top"
    pytest.param(
        "Ida Kern wird Chef der Kestrel",
        "Der Aufsichtsrat gab bekannt, dass Ida Kern im April der Nachfolger von Max Ulm wird, "
        "dessen Vertrag dann ausläuft.",
        {_app("kestrel", "ceo", "Kern"), _dep("kestrel", "ceo", "Ulm")},
        id="de-der-nachfolger-von-x-wird",
    ),
    pytest.param(
        "Führungswechsel bei Kestrel",
        "Ida Kern, bislang Leiterin der Division Antriebe, übernimmt im Mai den Posten von "
        "Max Ulm, der in den Ruhestand geht.",
        {_app("kestrel", "ceo", "Kern"), _dep("kestrel", "ceo", "Ulm")},
        id="de-fuehrungswechsel-headline",
    ),
    pytest.param(
        "Kestrel-Chef Ulm tritt nach Razzia zurück",
        "Max Ulm tritt wegen der Ermittlungen von seinem Amt als Vorstandsvorsitzender "
        "der Kestrel zurück. Sein Nachfolger wird Logistikvorstand Ida Kern.",
        {_dep("kestrel", "ceo", "Ulm"), _app("kestrel", "ceo", "Kern")},
        id="de-compound-title-in-headline",
    ),
    pytest.param(
        "Luis Mora, ex consejero delegado de Taravel, toma las riendas de la patronal",
        "El antiguo consejero delegado del grupo Taravel, Luis Mora, asumió la dirección "
        "general de la Asociación de Fabricantes.",
        set(),
        id="es-antiguo-employer",
    ),
    # Guards found by review: each rule above must leave these alone
    pytest.param(
        "Orvane board committee chair Jane Doe takes over as CEO",
        "",
        {_app("orvane", "ceo", "Doe")},
        id="en-committee-chair-is-a-person",
    ),
    pytest.param(
        "The audit committee said Jane Doe takes over as chief executive of Orvane",
        "",
        {_app("orvane", "ceo", "Doe")},
        id="en-committee-that-speaks",
    ),
    pytest.param(
        "Incoming CEO Jane Doe takes over as CEO of Orvane on Monday",
        "",
        {_app("orvane", "ceo", "Doe")},
        id="en-incoming-title-is-not-held",
    ),
    pytest.param(
        "Orvane co-CEO Jane Doe becomes sole CEO",
        "",
        {_app("orvane", "ceo", "Doe")},
        id="en-co-ceo-becomes-sole-ceo",
    ),
    pytest.param(
        "Jane Doe replaces the previous chief executive of Orvane, John Smith",
        "",
        {_app("orvane", "ceo", "Doe"), _dep("orvane", "ceo", "Smith")},
        id="en-previous-holder-is-the-companys-own",
    ),
    pytest.param(
        "On Monday Sage named Jane Doe chief executive",
        "",
        {_app("sage", "ceo", "Doe")},
        id="en-weekday-before-an-ambiguous-name",
    ),
    pytest.param(
        "Orvane chief executive Jane Doe quits to become ambassador to Japan",
        "",
        {_dep("orvane", "ceo", "Doe")},
        id="en-exit-for-a-public-post",
    ),
    pytest.param(
        "Führungswechsel bei Kestrel",
        "Der Leiter der Division Energie, Max Muster, tritt zurück. "
        "Sein Nachfolger wird Hans Meier.",
        set(),
        id="de-change-at-the-top-headline-over-a-division",
    ),
    pytest.param(
        "Leadership change at Orvane",
        "Director Jane Doe left the Orvane board and John Smith was named to replace her.",
        {("orvane", "board_change", "director", "reported", ("Doe",))},
        id="en-change-at-the-top-headline-over-the-board",
    ),
    # Exits towards another firm
    pytest.param(
        "Orvane finance chief in talks to leave for Hallow, people familiar say",
        "",
        {_dep("orvane", "cfo", certainty="rumored")},
        id="en-leave-for-another-firm-people-say",
    ),
    pytest.param(
        "Orvane names Lia Park finance chief",
        "Ken Ames, Orvane's chief financial officer, will join Hallow as chief executive.",
        {_app("orvane", "cfo", "Park"), _dep("orvane", "cfo", "Ames")},
        id="en-joining-another-firm-is-an-exit",
    ),
    # Appositions, interim take-overs, and the board left in passing
    pytest.param(
        "Orvane CEO Ray Dunn quits over data leak",
        "Ray Dunn has resigned as chief executive of Orvane. Ken Ames, who runs the snacks "
        "arm, will take over on an interim basis. Lia Park, Hallow's chief executive, "
        "stepped down a day later.",
        {_dep("orvane", "ceo", "Dunn"), _app("orvane", "ceo", "Ames")},
        id="en-interim-take-over-and-another-firms-title",
    ),
    pytest.param(
        "Orvane CEO Ray Dunn resigns",
        "Ray Dunn has resigned as chairman and chief executive of Orvane. The board named "
        "president Ken Ames as chief executive and independent director Lia Park as "
        "non-executive chairman.",
        {
            _dep("orvane", "ceo", "Dunn"),
            _dep("orvane", "chair", "Dunn"),
            _app("orvane", "ceo", "Ames"),
            _app("orvane", "chair", "Park"),
        },
        id="en-named-president-x-as-ceo",
    ),
    pytest.param(
        "Orvane ousts CEO Ray Dunn",
        "Ray Dunn will leave as chief executive and depart its board, Orvane said.",
        {
            _dep("orvane", "ceo", "Dunn"),
            ("orvane", "board_change", "director", "reported", ("Dunn",)),
        },
        id="en-depart-its-board",
    ),
    pytest.param(
        "Anne Pivot prend les commandes de Belmira",
        "Il succède à Marc Olier, qui assurait la direction générale par intérim depuis "
        "avril et qui quitte l'entreprise.",
        {_app("belmira", "ceo", "Pivot"), _dep("belmira", "ceo", "Olier")},
        id="fr-et-qui-opens-a-new-clause",
    ),
    pytest.param(
        "Orvane CFO Jane Doe will chair the annual meeting",
        "Jane Doe will also lead the company's expansion in Asia, Orvane said.",
        set(),
        id="en-chairing-a-meeting-is-no-appointment",
    ),
    pytest.param(
        "Kestrel steigert den Gewinn",
        "Der Gewinn von Kestrel steigt im dritten Quartal auf 5 Milliarden Euro, sagte "
        "Vorstandschef Max Ulm. Er kündigte den Rückzug aus dem Russland-Geschäft an.",
        set(),
        id="de-profit-rises-and-a-market-exit",
    ),
    pytest.param(
        "Kestrel: Finanzchef Max Ulm steigt zum Vorstandschef auf",
        "",
        {_app("kestrel", "ceo", "Ulm")},
        id="de-steigt-zum-chef-auf",
    ),
    pytest.param(
        "Orvane finance chief Ken Ames joins Hallow's board",
        "Ken Ames, Orvane's chief financial officer, will join Hallow as a non-executive director.",
        set(),
        id="en-a-seat-on-another-board-is-no-exit",
    ),
    # Outside bodies, tasks, anniversaries, past tenures, units named in full
    pytest.param(
        "Orvane chief Ray Dunn appointed to federal economic advisory council",
        "Ray Dunn will continue to run the company, Orvane said.",
        set(),
        id="en-advisory-council-seat",
    ),
    pytest.param(
        "El consejero delegado de Taravel asume la negociación del acuerdo",
        "Luis Mora, consejero delegado de Taravel, asumirá personalmente la negociación.",
        set(),
        id="es-takes-over-a-task",
    ),
    pytest.param(
        "Ten years on, fans remember Orvane's Ray Dunn",
        "Fans marked the tenth anniversary of the death of Ray Dunn, who was Orvane's "
        "chief executive.",
        set(),
        id="en-anniversary-of-a-death",
    ),
    pytest.param(
        "Marc Olier, ex-PDG de Belmira, rejoint Hallow",
        "Marc Olier, qui a dirigé Belmira de 2015 à 2020, devient président international "
        "de la compagnie Hallow Air.",
        set(),
        id="fr-past-tenure-and-a-post-elsewhere",
    ),
    pytest.param(
        "Frühere Kestrel-Chefin Ida Kern wird Verwaltungsrätin in der Schweiz",
        "Ida Kern, die Anfang des Jahres als Vorstandschefin von Kestrel abgetreten war, "
        "zieht in den Verwaltungsrat eines Schweizer Händlers ein.",
        set(),
        id="de-pluperfect-exit-and-another-board",
    ),
    pytest.param(
        "Orvane Interactive Entertainment chief Ray Dunn to retire",
        "Ray Dunn, the chief executive of Orvane Interactive Entertainment, will retire in March.",
        set(),
        id="en-unit-named-in-full",
    ),
    pytest.param(
        "Orvane hands top job to Hallow's boss",
        "Orvane said Jane Doe will retire as chief executive after seven years and will be "
        "succeeded by Ken Ames.",
        {_dep("orvane", "ceo", "Doe"), _app("orvane", "ceo", "Ames")},
        id="en-after-seven-years-is-no-background",
    ),
]


@pytest.mark.parametrize(("title", "summary", "expected"), CASES)
def test_sentence_structure_is_read_by_a_general_rule(
    title: str, summary: str, expected: set[Key]
) -> None:
    assert _keys(title, summary) == expected


def _dated(title: str, summary: str, published: str) -> set[tuple[str, str]]:
    item = NewsItem("t", title, summary, published=datetime.fromisoformat(published))
    return {(e.company, e.type.value) for e in EXTRACTOR.extract(item)}


def test_a_change_dated_years_before_the_item_is_background() -> None:
    title = "Orvane at 25: from a kitchen to a food group"
    summary = "Its founder stepped back in 2019, when Ken Ames became chief executive of Orvane."
    assert _dated(title, summary, "2024-05-01T00:00:00+00:00") == set()


def test_last_december_in_a_january_item_is_news() -> None:
    title = "Orvane CEO Ray Dunn stepped down in December 2025"
    assert _dated(title, "", "2026-01-05T00:00:00+00:00") == {("orvane", "departure")}


def test_a_tenure_since_an_old_year_does_not_date_the_change() -> None:
    title = "Orvane CEO Ray Dunn, in office since 2012, resigns"
    assert _dated(title, "", "2026-01-05T00:00:00+00:00") == {("orvane", "departure")}


def test_a_future_step_after_an_old_year_keeps_its_person() -> None:
    item = NewsItem(
        "t",
        "Orvane CEO Jane Doe, who took the helm in 2015 and will step down in June, "
        "will be succeeded by John Smith",
        "",
        published=datetime.fromisoformat("2024-03-01T00:00:00+00:00"),
    )
    people = {(e.type.value, e.people) for e in EXTRACTOR.extract(item)}
    assert ("departure", ("Jane Doe",)) in people


def test_an_exit_in_an_earlier_month_of_the_year_is_background() -> None:
    title = "Orvane taps Ken Ames as chief executive"
    summary = "Ames ends a six-month search that began when Ray Dunn left in February."
    assert _dated(title, summary, "2024-08-01T00:00:00+00:00") == {("orvane", "appointment")}


def test_a_january_exit_announced_in_december_is_news() -> None:
    title = "Orvane CEO Ray Dunn to step down in January"
    assert _dated(title, "", "2024-12-01T00:00:00+00:00") == {("orvane", "departure")}
