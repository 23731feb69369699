"""The labels and cue words of the memory-event classifier (`chronika.extract.memory`), kept as data.

Each cue is `(label, regex)`: the label is what a historian reads in `MemorySignal.cues`, the
regex is matched case-insensitively against one sentence (curly quotes are straightened first).
`(?-i:...)` marks the few cues that must keep their case ("Memorial" the society, not a memorial).
The lists were written from what Soviet and Russian memory politics consists of (monuments,
rehabilitations, archives, polls, Memorial, the secret police's anniversaries) and corrected where
the bench showed a general gap ("recognition" was missing, "admir-" caught "admiral"), never to fit
one labelled sentence.

Writing a cue: the classifier skips a regex unless the sentence has a word every match must contain
(the last fixed word of the pattern, else its first words), so spell out the content word rather than
hiding it behind an optional group: `committed crimes|committed (?:many|mass) crimes`, not
`committed (?:many |mass )?crimes` (which would key on the commoner "committed"). A `^` only matches
at the start of the sentence.
"""

from __future__ import annotations

KINDS = ("statement", "monument", "rehabilitation", "archive", "poll", "commemoration", "publication", "renaming", "suppression")
DIRECTIONS = ("de-stalinization", "re-stalinization", "ambivalent")
LEVELS = ("state", "society")
DE, RE, AMBIVALENT = DIRECTIONS
NO_SPEAKER = "doubt: no one named speaks, and only of the terror"  # "the repressions were recognized before"

Cue = tuple[str, str]

# --- what the sentence is about: Stalin, the terror and the work of remembering it -------------
TOPIC = (
    r"\bStalin\w*|\bterror\b|\brepress\w+|\bpurge[sd]?\b|\bgulag\b|\bcamps?\b|\bprisons?\b|\barrest\w*"
    r"|\bKatyn\b|\bButovo\b|\bKommunarka\b|\bSandarmokh\b|\bKolyma\b|\bSolovetsky\b|\bSolovki\b"
    r"|\bNKVD\b|\bOGPU\b|\bCheka\b|\bchekist\w*|\bKGB\b|\bFSB\b|\bvictims\b|\bmassacre\b|\bexecutions?\b"
    r"|\benem(?:y|ies) of the people\b|\b1937\b|\bmass graves?\b|\binnocently\b|\bpolitical prisoners\b"
    r"|\bshow trials?\b|\bsecret police\b|\btotalitarian\w*|\bSolzhenitsyn\b|\bShalamov\b|\bdissidents\b|\brehabilitat\w+"
    r"|(?-i:\bMemorial\b)|\b(?:20th|22nd|Twentieth|Twenty-second) (?:Party )?Congress\b"
)
PRONOUN_SUBJECT = r"(?:And |But |Nor |So )?(?:This|These|That|Those|Such|Its|He|His|She|Her|They|Their|Them|For them|We|Our)\b"  # not "It": often "it is ..."
PRONOUN_SPEAKER = r"\b(?:he|she|they)\s+(?:said|says|added|declared|told|replied|answered)\b"
PRONOUN_OBJECT = r"\b(?:him|his|he)\b"

# --- what blocks a cue: negation and unreal mood just before it, concession around it ----------
NEGATION = r"(?:\b(?:not|no|never|nor|neither|cannot|without|unable to)\b|n't\b)(?!\s+(?:only|shortage|doubt|less)\b)"
UNREAL_NOUN = r"\b(?:threats?|danger|fear|risk|hopes?) of\b"  # "the threat of Stalin's rehabilitation": a few words on
IRREALIS = r"\bwould\b|\bpromised\b|\bassured\b|(?<!even )\bif\b|\bwill (?:need|require)\b|\bcould\b|\bmight\b"
CONCESSIVE = r"\b(?:even though|even if|despite)\b[^,;:]*|^(?:And |But )?(?:although|though|while)\b[^,;:]*"
BACKGROUND = r"\bhad\s+(?:been\s+)?(?:\w+ly\s+)?$"  # the pluperfect: history behind the sentence's event
REPORTED = r"\b(?:said|told|stated|claimed|explained|added|insisted|argued)\b"  # "said that it had been": tenses shift back

# --- stance: the words that decide a direction --------------------------------------------------
DE_STANCE: tuple[Cue, ...] = (
    ("condemns Stalin or his crimes", r"\bcondemn\w*(?: of)?\s+\"?(?:\w+\s+){0,2}?(?:Stalin\b(?!'s (?:thesis|policy|line))|him\b|Stalinism|(?:the )?(?:cult|repressions?|terror|crimes)|(?:Stalin's|his) (?:crimes|repressions?|terror|cult))"),
    ("denounces the repressions", r"\bdenounc\w+\s+(?!(?:the )?(?:attacks|criticism|critics)\b)(?:\w+\s+){0,2}?(?:Stalin\b|Stalinism|repressions?|terror|crimes|cult)"),
    ("names Stalin's crimes", r"\b(?:Stalin's|Soviet|Stalinist|his) crimes\b|\bcrimes? (?:of|by) (?:Stalin|Stalinism|the Soviet|Soviet|his regime|totalitarian\w*)|\bKatyn crime\b|\bcommitted crimes\b|\bcommitted (?:many|mass|these) crimes\b|\bpolitical crimes\b"),
    ("lays responsibility on Stalin", r"\b(?:bears?|bore) responsibility\b|\bresponsib\w+ for (?:this|the|these|his) (?:crimes?|terror|massacre|repressions?)|\bguilty\b|(?<=\bon )(?:direct )?orders? (?:by|from|of) Stalin|\bdirect orders? (?:by|from|of) (?:[\w-]+ ){0,3}?Stalin|(?<=\bStalin )(?:personally )?(?:ordered|sanctioned|signed|approved) (?:the )?(?:\w+ ){0,2}(?:massacre|executions?|shootings?|arrests|terror|deportations?)"),
    ("calls Stalin a criminal", r"\b(?:as|him|Stalin) criminal\b|\b(?:as|him|Stalin) a criminal\b"),
    ("cannot be justified or forgiven", r"\bcan(?:no|')t be (?:justified|forgiven|forgotten)|\bnever be forgotten\b"),
    ("pledges to remember", r"\b(?:must|should|will|shall) never forget\b|\b(?:must|should|will|shall) not forget\b|\bnever forget\b"),
    ("acknowledges the truth", r"\btruth (?:was|has been|is) (?:finally |officially )?(?:acknowledged|admitted|recogni[sz]ed)\b|\b(?:acknowledg|admit|recogni[sz])\w* (?:the )?(?:truth|guilt)\b"),
    ("honours the repressed", r"\b(?:prais|honou?r|hail|laud)\w*\s+(?:[\w-]+\s+){0,4}?(?:who|that) (?:had been|were|was) (?:\w+ )?(?:repudiated|repressed|purged|executed|shot|persecuted|arrested|exiled)\b"),
    ("restores the truth", r"\brestor\w+ (?:the )?(?:historical )?(?:truth|justice)\b|\bhistorical justice\b"),
    ("de-Stalinization", r"\bde-?Stalini[sz]ation\b|\banti-Stalin\w*"),
    ("revelations and criticism", r"\brevelations\b|\bcriticisms? of (?:Stalin\w*|the cult)"),
    ("the 20th/22nd Party Congress", r"\b(?:20th|22nd|Twentieth|Twenty-second|XX|XXII) Congress\b|\b(?:20th|22nd|Twentieth|Twenty-second|XX|XXII) (?:Party|CPSU) Congress\b"),
    ("rids the country of Stalin's legacy", r"\b(?:rid\w*|break free) (?:\w+\s+){0,3}of (?:the )?(?:Stalinist|Stalin's) legacy"),
    ("names the tyranny", r"\b(?:tyrant|monsters?|horrors|lawlessness|unlawful repressions?|falsifications?)\b|\b(?:called|referred to|described) (?:\w+ ){0,3}as a (?:dictator|tyrant|criminal|murderer)\b"),
)
RE_STANCE: tuple[Cue, ...] = (
    ("praises Stalin", r"\bprais\w+\b|\bglorif\w+|\bvaloriz\w+|\bextoll?(?:s|ed|ing)?\b|\badmir(?:e|es|ed|ing|ation|ers?)\b"),
    ("Stalin as war leader or victor", r"\b(?:war|wise|great|strong) leader\b|\bleader of the Great Victory\b|\bStalin as victor\b|\bStalin as the victor\b|\bcult of .{0,3}the Great Victory|\bdefeated Nazi Germany\b|(?<=\bStalin's )(?:role in|victory|service)|\brole in (?:the Soviet victory|winning)|\bsymbol of (?:the )?(?:Great )?victory\b"),
    ("nostalgia and a positive image", r"\bnostalgi\w+|\bpositive(?:ly)? (?:image|perceptions?|views?|role|attitudes?|assessments?)\b|\bmore positive image\b|\b(?:orderly|looks? better|looked better)\b"),
    ("restores Stalin's honour", r"\bposition of honou?r\b|\brestor\w+ (?:of )?(?:the cult of )?Stalin\b|\brestoration of (?:the cult of )?Stalin|\brestoration of Stalin's reputation\b|\breviv\w+ Stalin\b|\brehabilitat\w+ Stalin\b(?!'s victims)|\bStalin's rehabilitation\b"),
    ("re-Stalinization", r"\bre-?Stalini[sz]ation\b|\bre-?memoriali[sz]ation\b|\bnormali[sz]ation\b|\bpro-Stalin\w*|(?<=\bStalinist )(?:position|views?|stance)\b|\b(?:new )?Stalin cult\b|\bcult of (?:Stalin|personality)\b"),
    ("downplays the crimes", r"\bdownplay\w*\s+(?:\w+\s+){0,2}?(?:Stalin's )?(?:crimes|repressions?|terror)|\bdownplay\w*"),
    ("defends Stalin's image", r"\b(?:protect|preserve|defend) (?:\w+\s+){0,2}?Stalin(?:'s)?\b|\bnot undermine (?:\w+\s+){0,2}?Stalin|\bnot to undermine (?:\w+\s+){0,2}?Stalin|\bdenounc\w+ (?:the )?(?:attacks|criticism|critics) (?:on|of) Stalin"),
    ("honours the secret police", r"\bheroic pages\b|\bheroic (?:history|past) of (?:the |our )?(?:special services|Cheka|NKVD|KGB|FSB)"),
    ("justifies the repressions", r"\bjustif\w+ (?:of )?(?:the )?(?:mass )?(?:repressions?|terror)\b"),
    ("denies the guilt", r"\bden(?:y|ies|ied|ying) (?:\w+ ){0,2}?(?:guilt|crimes?|responsibility|massacre)\b"),
    ("calls the crime a myth", r"\b(?:call|describ|dismiss|label)\w*\s+(?:\w+\s+){0,3}?as\s+\"?(?:a |an |one of the (?:\w+ )?)?myths?\b"),
    ("refuses repentance", r"\bforced to (?:apologi[sz]e|repent)\b|\bput on (?:their|its|our|his) knees\b|\bnothing to (?:apologi[sz]e|repent) for\b"),
)
EVASIVE: tuple[Cue, ...] = (
    ("evades", r"\bevasive\b|\bvague\b|\bambivalen\w+|\bmuted\b|\bindifferen\w+|\bsilent (?:on|about)\b"),
    ("says nothing of it", r"\bmade no mention\b|\b(?:nor|not) did (?:he|she|they) recall\b|\b(?:nor|not) did (?:he|she|they) mention\b|\bdid not recall\b|\bdid not mention\b|\bobliterated from\b|\brefused to characteri[sz]e\b"),
)
# Speaking of the terror is acknowledging it: these count as de-Stalinization in statements only.
WEAK_DE: tuple[Cue, ...] = (
    ("speaks of the repressions", r"\brepressions\b|\brepression (?:period|era)\b|\b(?:period|era) of (?:the )?repression\b|\bthe terror\b|\bStalin's terror\b|\bmass terror\b|\bexterminat\w+|\bmass executions\b|\bmass graves\b"),
    ("speaks of the victims", r"\bvictims\b|\btragedy\b|\binnocent(?:ly)? (?:people|victims|men|women|persons|repressed|convicted)\b|\bmassacre\b"),
)
SPEECH = (
    r"\bsaid\b|\bsays?\b|\bsaying\b|\btold\b|\btelling\b|\bdeclar\w+|\bstated\b|\bstatements?\b|\bannounc\w+"
    r"|\bquot(?:ed|es|ing)\b|\binterview\b|\bspeech\b|\bvideoblog\b|\bblog\b|\brhetoric\b|\bpropaganda\b"
    r"|\breferred to\b|\bdescrib\w+|\bcall(?:s|ed)? (?:him|Stalin|it)\b|\badmitt\w+|\brecogni(?:[sz]\w*|tion)\b|\backnowledg\w+"
    r"|\bargu(?:e|es|ed|ing)\b|\bassert(?:s|ed|ing)?\b|\bconclud\w+|\baccording to\b|\bpromot\w+|\bstance\b|\bapproach to\b|\bassessment\b"
    r"|\bremember\w*|\brecall\w*|\bbelieve\w*|\bimage\b|\bchose to\b|\bmention\b|\bdiscuss\w+"
    r"|\bpropos\w+|\bsuggestions?\b|\bprogram(?:me)?\b|\bemphasis on\b"
)
SPEECH_LIKE = (
    r"\bcondemn\w*|\bdenounc\w+|\bprais\w+|\bglorif\w+|\bvaloriz\w+|\bdownplay\w*"
    r"|\bmade no mention\b|\b(?:nor|not) did (?:he|she|they) recall\b|\b(?:nor|not) did (?:he|she|they) mention\b"  # silence is a stance
    r"|\bdid not recall\b|\bdid not mention\b"
)

# --- the kinds ------------------------------------------------------------------------------------
MONUMENT_NOUN = (
    r"\bmonuments?\b|\bstatues?\b|\bbusts?\b|(?-i:\bmemorials?\b)(?! (?:ceremony|service|day|event|meeting))"
    r"|\bplaques?\b|\bsculptur\w+|\bmosaics?\b|\bportraits?\b|\bimages\b|\bposters?\b|\bbas-reliefs?\b"
    r"|(?-i:\bMemorials? to (?:the )?[Vv]ictims\b)|\bboulder\b|\bmemorial stone\b|\bWall of Grief\b|\bMask of Sorrow\b|\bMausoleum\b|\bobelisks?\b"
    r"|\b(?:cultural )?heritage site\b"  # a memorial site the state protects
)
# Acts only the state can do, whoever the sentence names: a protected status for a memorial site.
STATE_ACT = r"\bgrant\w* (?:\w+ )?(?:the )?status\b"
MONUMENT_ERECT = (
    r"\bunveil\w*|\bopen(?:ed|ing|s)?\b|\berect\w*|\binstall\w*|\bput up\b|\bset up\b|\bset (?:a|the)\b|\braised?\b|\bplann?\w*"
    r"|\brestor\w+|\bbuil[dt]\w*|\bnew\b|\badorn\w*|\bdedicat\w+|" + STATE_ACT
)
MONUMENT_REMOVE = (
    r"\bremov\w+|\bdismantl\w+|\bdemolish\w*|\btor[en] (?:down|off)\b|\btear\w* (?:down|off)\b|\bpull\w* down\b"
    r"|\btoppl\w+|(?<!from )(?<!against )(?:\bdefac\w+|\bvandali[sz]\w+|\bdesecrat\w+)|\bblown up\b|\bblew up\b|\bsmash\w*|\btaken down\b"
    r"|\btook down\b|\bsplash\w* (?:with )?paint\b|\bdaub\w*"
)
MONUMENT_BLOCK = r"\bquash\w*|\bblock\w*|\bcancel\w*|\breject\w*|\bveto\w*|\bbann?(?:ed|ing|s)?\b|\bforb[ia]d\w*"
STALIN_TARGET = (
    r"\b(?:to|of|for|honou?ring|in hono(?:u)?r of)\s+(?:the\s+)?(?:Soviet leader\s+|dictator\s+)?(?:(?:Joseph|Josef|Iosif)\s+)?Stalin\b(?!'s victims)"
    r"|\bStalin(?:'s)?\s+(?:statues?|busts?|monuments?|images|portraits?|body|mosaics?|memorials?)"
    r"|\b(?:statues?|busts?|monuments?) (?:of|to) (?:him|the dictator|the Soviet leader)\b"
)
VICTIM_TARGET = (
    r"\b(?:to|for|of|honou?ring|in memory of)\s+(?:the\s+)?(?:victims|repressed|prisoners|dead|those (?:killed|shot|executed|repressed))\b"
    r"|\b(?:to|for|honou?ring|in memory of)\s+(?:the\s+)?(?:people|those|men and women|all those)\s+(?:who were\s+)?(?:killed|shot|executed|repressed|persecuted|murdered)\b"
    r"|\bSolovetsky\b|\bWall of Grief\b|\bMask of Sorrow\b|\bLast Address\b|\bvictims of\b"
)
RENAME_VERB = (
    r"\brenam\w*|\b(?:given|gave|get|got|receiv\w+)\s+(?:a\s+)?new names?\b"
    r"|\b(?:took|take|takes|taking|restor\w*|return\w*|revert\w*|bring back|brought back|use|using)\s+(?:back\s+)?(?:the|its|their)\s+name\b"
    r"|\b(?:took|take|takes|taking|restor\w*|return\w*|revert\w*|bring back|brought back|use|using)\s+(?:back\s+)?(?:the|its|their)\s+"
    r"(?:old|former|historical|original|wartime)\s+name\b|\bbecame\b(?=\s+(?-i:[A-Z]))"
)
RENAMED_TO = r"\b(?:to|into|as|back to)\s+(?:the\s+)?$"  # "renamed Volgograd back to Stalingrad": the new name
RENAMED_FROM = r"\b(?:of|from)\s+(?:the\s+)?$"  # "the renaming of Stalingrad to Volgograd": the old name
STALIN_NAME = (
    r"\bStalin(?:grad|o|abad|sk|ogorsk|iri|ir)\b|\bStalin (?:Street|Avenue|Square|Prospekt|Park|Boulevard)\b"
    r"|\bnamed (?:after|for|in hono(?:u)?r of)\s+(?:Joseph\s+)?Stalin\b|\bin hono(?:u)?r of (?:Joseph )?Stalin\b|\bStalin's name\b"
)
REHAB: tuple[Cue, ...] = (
    ("rehabilitated", r"\brehabilitat\w+"),
    ("exonerated", r"\bexonerat\w+"),
    ("cleared of the charges", r"\bcleared (?:\w+ )?of (?:all )?(?:the )?charges\b"),
    ("sentence quashed", r"\bquash\w* (?:the|their|his|her) (?:sentences?|verdicts?|convictions?)"),
    ("returned to the party", r"\breturned to the party\b"),
    ("restored to respectability", r"\brestor\w+ (?:\w+ )?(?:respectability|good names?|honou?r|reputations?) (?:to|of)\b"),
)
REHAB_RELEASE: tuple[Cue, ...] = (  # weak: a release counts only where the sentence or paragraph is about the repressions
    ("freed", r"\bfreed\b(?!\s+(?:him|her|my|them|it)sel)"),
    ("received their freedom", r"\breceived (?:their|his|her) freedom\b"),
    ("allowed the release", r"\b(?:allowed|ordered|secured) the release of\b"),
    ("released from the camps", r"\breleased from (?:prison|the camps?|camps?|confinement|exile)\b"),
)
REHAB_OF_STALIN = r"\brehabilitat\w+\s+(?:of\s+)?Stalin\b(?!'s victims)|\brestor\w+ (?:\w+ )?(?:respectability|good name|honou?r|reputation) (?:to|of) (?:Joseph )?Stalin\b|\bStalin's rehabilitation\b|\brehabilitat\w+ (?:Stalin's|his) (?:image|reputation|name|memory)"
REHAB_REVERSED = r"\b(?:annul\w*|revok\w*|cancel\w*|overturn\w*|revers\w*) (?:the |their |his |her )?rehabilitation|\brefus\w+ to rehabilitate\b|\brehabilitations? (?:was|were) (?:annulled|revoked|refused|denied|cancelled)"
ARCHIVE_NOUN = (
    r"\barchiv\w*|\bfiles?\b|\bdocuments?\b|\brecords\b|\bdossiers?\b|\bvolumes\b|\bcopies\b"
    r"|\bspecial repositor\w+|\bcard files\b|\bsecret protocols?\b"
)
ARCHIVE_SELF = r"\b(?:party|state|presidential|KGB|FSB|NKVD|secret police|military|Central) archives\b|\barchival documents\b"
ARCHIVE_OPEN: tuple[Cue, ...] = (
    ("opened", r"\bopen(?:ed|ing|s)?\b(?! up the ballot)|\bdeclassif\w+|\bmade (?:them |it )?public\b|\bmade available\b|\baccess to\b"),
    ("handed over", r"\bhand(?:ed|s|ing)? (?:\w+ )?over\b|\bhanded\b|\btransferr\w+"),
    ("posted or published", r"\bposted\b|\bpublish\w*|\breleased\b"),
    ("examined", r"\bexamin\w+|\bstudied\b"),
)
ARCHIVE_CLOSE: tuple[Cue, ...] = (
    ("closed or classified", r"\bclos(?:ed|ing|es|ure)\b|(?<!de)classif(?:ied|y|ying)\b|\brestrict\w+|\bdenied access\b"),
    ("kept secret", r"\bextend\w* (?:the )?(?:secrecy|classification)\b|\bkept secret\b|\bsecrecy\b|\b(?:was|were|been) sealed\b|\bseal\w* (?:off|up)\b"),
    ("not published", r"\b(?:was|were) not (?:published|made public|released)\b|\bunable to publish\b|\bhid\b|\bhidden\b"),
    ("destroyed", r"\bdestroy\w+|\bburn(?:ed|t)\b|\bconfiscat\w+"),
)
POLL_NOUN = r"\bpolls?\b|\bpolled\b|\bpollsters?\b|\bsurveys?\b|\bsurveyed\b|\brespondents\b|\bLevada\b|\bVTsIOM\b|\bFOM\b|\bopinion research\b"
POLL_ACT = r"\bconduct\w*|\bcarried out\b|\bcarr(?:y|ies|ying) out\b|\bfound\b|\bshow(?:s|ed|n)?\b|\breleas\w+|\bpublish\w*|\baccording to\b"
POLL_OPINION = (
    r"\b(?:view\w*|think\w*|believ\w+|consider\w*|regard\w*|admir\w+|agree\w*|approv\w+|say|said|named|nam(?:e|ing)"
    r"|describ\w+|estimat\w+|see|saw|tend|assess\w*|refused|answered|called)\b"
)
SHARE = (
    r"\b\d{1,3}(?:\.\d)? ?%|\b\d{1,3}(?:\.\d)? percent\b|\b\d{1,3}(?:\.\d)? per cent\b|\b(?:one|two)[- ](?:thirds?|quarters?)\b|\ba third\b|\ba quarter\b"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine) (?:in|out of) (?:ten|five|four|three)\b|\bhalf\b"
    r"|\b(?:overwhelming |large |clear |slim |significant )?(?:majority|minority|plurality)\b|\bmost Russians\b"
)
COMMEMORATE_STRONG = (
    r"\bcommemorat\w+|\bmemorial (?:ceremony|service|day|event|meeting|rally)\b|\bday of (?:remembrance|memory|mourning)\b"
    r"|\bremembrance\b|\bmourn\w*|\bReturn(?:ing)? of (?:the )?Names\b|\bminute of silence\b|\bvigil\b|\blaid (?:a )?wreaths?\b"
    r"|\blaying (?:of )?wreaths\b|\bkneel\w*|\bknelt\b|\bin memory of\b|\bhonou?r\w* (?:the )?(?:victims|memory)\b"
    r"|\bremember\w* (?:those|the victims|the dead)\b"
    r"|\bvisit\w*\s+(?:to\s+)?(?:the\s+)?(?:[\w-]+\s+){0,4}?(?:Katyn|Butovo|Kommunarka|Sandarmokh|Levashovo|Solovki|Solovetsky|Kolyma|Mednoye|Vorkuta|Perm-36|site of|memorial|mass graves?)"
)
# "The event was held in 39 cities" after a sentence about a commemoration: the same act goes on
EVENT_HELD = r"\b(?:event|ceremony|vigil|action|reading|rally|procession)s? (?:was |were )?(?:held|took place|drew|gathered)\b"
COMMEMORATE_WEAK = r"\banniversar\w+|\bjubilee\b|\bholiday\b|\bcelebrat\w+|\bgreet\w+"
VICTIM_OBJECT = (
    r"\bvictims\b|\bmassacre\b|\brepress\w+|\bexecutions?\b|\bthe terror\b|\bStalin's terror\b|\bthe dead\b"
    r"|\bthose (?:killed|shot|executed|repressed)\b|\bmass graves?\b|\bKatyn\b|\bButovo\b|\bKommunarka\b|\bSandarmokh\b"
    r"|\bLevashovo\b|\bSolovki\b|\bSolovetsky\b|\bKolyma\b|\bMednoye\b|\bgulag\b|\bcamps?\b|\bprisons?\b|(?-i:\bMemorial\b)"
)
PERPETRATOR_OBJECT = (
    r"\bFSB\b|\bCheKa\b|\bCheka\b|\bchekist\w*|\bNKVD\b|\bKGB\b|\bOGPU\b|\bsecurity (?:service|police|organs)\b|\bspecial services\b"
    r"|\bStalin's (?:birthday|birth|death|grave|tomb)\b|\b(?:birthday|anniversary) of (?:Joseph )?Stalin\b"
)
PUBLICATION_WORK = (
    r"\bbooks?\b|\bnovels?\b|\bfilms?\b|\bmovies?\b|\bdocumentar\w+|\bseries\b|\b(?:TV|television) (?:shows?|series|programs?|programmes?)"
    r"|\bshows\b|\bproductions?\b|\bpublications?\b|\barticles?\b|\bessays?\b|\bmemoirs?\b|\beditions?\b|\bversion\b"
    r"|\btranslation\b|\bliterature\b|\btextbooks?\b|\bcurricul\w+|\bstudy\b|\bexhibitions?\b|\bmaterials\b|\bworks?\b"
    r"|\bGulag Archipelago\b|\bplays?\b|\bpoems?\b|\bbroadcasts?\b"
)
PUBLICATION_ACT = (
    r"\bpublish\w*|\bpublication of\b|\bbroadcast\w*|\bshown\b|\bscreen(?:ed|ing)\b|\baired\b|\bcame out\b|\bappear(?:ed|s)?\b|\bprinted\b"
    r"|\breleased\b|\bavailable\b|\bwr(?:ote|itten|iting)\b|\btranslated\b|\breissued\b|\bput out\b|\bauthored\b"
    r"|\bno shortage of\b|\bprepared\b|\bstaged\b"
)
FALSIFIED_HISTORY = r"\b(?:falsif\w+|rewr(?:ote|itten|ite|iting)) (?:the )?(?:entire )?history\b|\bhistory\b.{0,80}\b(?:was|were) (?:falsified|rewritten)\b"
EXAGGERATES_STALIN = r"\brole of Stalin was (?:exaggerated|inflated)\b|\bexaggerat\w+ (?:the )?role of Stalin\b"
SUPPRESSION: tuple[Cue, ...] = (
    ("silences", r"\bsilenc\w+ (?:of )?(?:any |all )?(?:\w+ ){0,1}(?:discussions?|critics|debate|memory)"),
    ("cracks down on memory work", r"\bcrack\w* down on (?:those|historians|Memorial|critics)"),
    ("attacks critics of Stalin", r"\battack\w* (?:on )?(?:the )?critics of Stalin\b|\battack\w* (?:on )?(?:his|Stalin's) critics\b"),
    ("wrapped up or stopped", r"\b(?:campaign|condemnation|de-?Stalini[sz]ation)\b.{0,40}\b(?:was|were) (?:quickly |soon )?(?:wrapped up|stopped|halted|curtailed)\b|\bstopped the (?:condemnation|criticism) of Stalin\b"),
    ("driven underground", r"\b(?:shut up|driven underground|forced underground)\b"),
    ("pushed to the margins", r"\bpushed to the margins\b|\bmarginali[sz]ed\b"),
    ("obliterated from discourse", r"\bobliterated from (?:official )?(?:discourse|history|memory)\b"),
    ("witnesses sworn to silence", r"\b(?:sign|obligat|forced|made)\w*\b.{0,40}\bnot to (?:make known|speak|tell|disclose|reveal)\b"),
    ("barred from distribution", r"\bbarred from (?:distribution|screens?|publication)\b"),
    ("liquidated, banned or prosecuted", r"\b(?:liquidat\w+|bann?(?:ed|ing)|shut down|clos(?:ed|ure) of|raid\w*|prosecut\w+|sentenced|convicted|jailed|imprisoned|arrested|labell?ed (?:a )?foreign agent|designated (?:a )?foreign agent|censor\w+|abolish\w*|dissolv\w+|outlaw\w*)\b"),
    ("branded a foreign agent", r"\bforeign agents?\b|\bundesirable organi[sz]ation\b"),
)
MEMORY_WORK = (
    r"(?-i:\bMemorial\b)|\bhistorians? (?:of|who (?:found|documented|research\w*|studied))\b|\bDmitriev\b|\bSandarmokh\b"
    r"|\bPerm-36\b|\bGulag (?:History )?Museum\b|\bcritics of Stalin\b|\bhis critics\b|\bdiscussions? of\b"
    r"|\banti-Stalin\w*|\bde-?Stalini[sz]ation\b|\bthose who (?:publicize|research|document|speak)\b|\btruth about\b"
    r"|\bmemory of the (?:terror|repressions|victims)\b|\bLast Address\b|\bcondemnation of Stalin\b"
    r"|\b(?:films?|books?|exhibitions?|plays?) about (?:the )?(?:massacre|terror|gulag|repressions|camps)\b|\bwho found the mass graves\b"
)
SUPPRESS_PRO_STALIN = r"\bbann?\w* (?:\w+ ){0,2}(?:Stalin (?:busts?|monuments?|portraits?|posters?|symbols?)|glorif\w+ (?:of )?Stalin)"

# --- who acts: the level --------------------------------------------------------------------------
STATE_ACTOR = (
    r"\bpresident\w*|\bprime minister\b|\bpremier\b|\bKremlin\b|\bgovernment\b(?!-)|\b(?:decree|resolution|law|declaration)\b|\bDuma\b|\bparliament\w*|\bSupreme Soviet\b|\bcourts?\b|\bMilitary Collegium\b"
    r"|\bprosecutor\w*|\bministr(?:y|ies)\b|\bminister\w*|\bauthorities\b|\bofficials?\b|\bofficialdom\b|\bstate-controlled\b"
    r"|\bstate (?:archives|media|television|channels?|program(?:me)?|assessment)\b|\bCentral Committee\b|\bPolitburo\b"
    r"|\bParty Congress\b|\bCPSU\b|\bVKP\(b\)|\bcity council\b|\bcity duma\b|\bmayor\w*|\bgovernors?\b|\bcouncil\b"
    r"|\bcommission\b|\bleaders\b|\bleadership\b|\bregime\b|\belite\b|\bPutin\b|(?<!Roy )\bMedvedev\b|\bKhrushchev\b"
    r"|\bGorbachev\b|\bYeltsin\b|\bBrezhnev\b|\bBeria\b|\bYezhov\b|\bZhdanov\b|\bKaganovich\b|\bNKVD\b|\bFSB\b|\bKGB\b"
    r"|\bthe Soviet state\b|\bthe party\b"
)
SOCIETY_ACTOR = (
    r"\bKPRF\b|\bCommunist Party of the Russian Federation\b|(?-i:\bMemorial\b)|\bNGOs?\b|\bnon-?government\w*"
    r"|\bactivists?\b|\bvolunteers?\b|\bresidents\b|\blocals\b|\blocal communit\w+|\bvillagers\b|\bcrowds?\b"
    r"|\bprotesters\b|\bdemonstrators\b|\bgrassroots\b|\bsupporters\b|\bRussians\b|\bthe public\b|\bcitizens\b"
    r"|\brespondents\b|\bhistorians?\b|\bpublicists?\b|\bscholars?\b|\bresearchers?\b|\bwriters?\b|\bjournalists?\b|\bfamilies\b"
    r"|\brelatives\b|\bchurch\b|\bopposition parties\b|\bRoy Medvedev\b|\bLevada\b|\bopponents\b"
)
TIME_MARKER_BEFORE = r"\b(?:under|during|since|after|before)\s+(?:\w+\s+){0,3}$"
TIME_MARKER_AFTER = r"(?:'s)?\s+(?:time|era|presidency|rule|tenure|days|death)\b"
DEFAULT_LEVEL = {
    "statement": "state", "monument": "society", "renaming": "state", "rehabilitation": "state", "archive": "state",
    "poll": "society", "commemoration": "society", "publication": "society", "suppression": "state",
}

# --- how a poll's finding is read -------------------------------------------------------------------
POLL_RE = r"\bpositive(?:ly)?\b|\bfavou?rabl\w*|\bapprov\w+|\brespect\w*|\bgreat leader\b|\bwise leader\b|\bmost outstanding\b|\bsympath\w+|\badmir(?:e|es|ed|ing|ation|ers?)\b"
POLL_DE = r"\bnegative(?:ly)?\b|\bcriminal\b|\bcrimes?\b|\bcan't be justified\b|\baware of\b.{0,20}\bterror\b|\binnocent victims\b|\btyrant\b|\bdisapprov\w+"
TREND = r"\b(?:grown|grew|risen|rose|increas\w+|growing|record|highest|high)\b"
