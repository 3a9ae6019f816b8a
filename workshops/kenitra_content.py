"""The press article about the openness program's launch meeting, as data.

The Arabic is the article's own wording; the French and English are our translations.
Nothing here goes beyond what the article says: it gives no calendar date, does not
name the associations that led the workshops nor the equality commission's
representative, and says nothing of the projects beyond their titles.
"""

from pathlib import Path

# Relative to the folder that holds the repository, where the project's sources live.
SEED_ARTICLE = Path("shared") / "seed" / "kenitra-openness-meeting.ar.txt"


# Punctuation that cannot open a line: a line break before it is a copy-and-paste
# accident of the source (the seed article has a line starting with "،").
_CLOSING_PUNCTUATION = ("\u060c", "\u061b", ",", ";", ".", ":")


def mend_line_breaks(text):
    """`text` with each line that starts with a closing mark joined to the line above."""
    lines = []
    for line in text.split("\n"):
        if lines and line.lstrip().startswith(_CLOSING_PUNCTUATION):
            lines[-1] = lines[-1].rstrip() + line.lstrip()
        else:
            lines.append(line)
    return "\n".join(lines)


def tr(ar, fr, en):
    return {"ar": ar, "fr": fr, "en": en}


PROGRAM = {
    "slug": "kenitra-openness-program",
    "title": tr(
        "برنامج انفتاح جماعة القنيطرة",
        "Programme d'ouverture de la Commune de Kénitra",
        "Kenitra Commune openness program",
    ),
    "summary": tr(
        "برنامج انفتاح جماعة القنيطرة في أربعة محاور ذات أولوية: الرقمنة وجودة"
        " الخدمات الجماعية، والثقافة والرياضة، والمشاركة المواطنة، والبيئة والتنمية"
        " المستدامة، تضم ستة مشاريع.",
        "Le programme d'ouverture de la Commune de Kénitra s'articule autour de quatre"
        " axes prioritaires\u00a0: la digitalisation et la qualité des services communaux,"
        " la culture et le sport, la participation citoyenne, ainsi que"
        " l'environnement et le développement durable, qui regroupent six projets.",
        "The Kenitra Commune's openness program has four priority axes: digitalisation"
        " and the quality of communal services, culture and sport, citizen"
        " participation, and the environment and sustainable development, with six"
        " projects between them.",
    ),
}

# Keys are how the rest of this module refers to each organization.
ORGANIZATIONS = {
    "commune": {
        "slug": "kenitra-commune",
        "kind": "commune",
        "parent": None,
        "name": tr("جماعة القنيطرة", "Commune de Kénitra", "Kenitra Commune"),
    },
    "equality_body": {
        "slug": "equality-commission",
        "kind": "commune_body",
        "parent": "commune",
        "name": tr(
            "هيئة المساواة وتكافؤ الفرص ومقاربة النوع",
            "Instance de l'équité, de l'égalité des chances et de l'approche genre",
            "Equality, Equal Opportunities and Gender Approach Commission",
        ),
    },
    "public_services_committee": {
        "slug": "public-services-committee",
        "kind": "commune_body",
        "parent": "commune",
        "name": tr(
            "لجنة المرافق العمومية",
            "Commission des services publics",
            "Public Services Committee",
        ),
    },
    "press": {
        "slug": "maghribia-press",
        "kind": "press",
        "parent": None,
        "name": tr("مغربية بريس", "Maghribia Press", "Maghribia Press"),
    },
}

VENUE = {
    "name": tr(
        "قاعة الندوات بالقصر البلدي",
        "Salle des conférences du Palais municipal",
        "Conference hall of the Municipal Palace",
    ),
    "city": tr("القنيطرة", "Kénitra", "Kenitra"),
}

# Each axis with its projects in the article's order. A goal names its project only
# where the axis has a single project, so the article ties the goal to it.
AXES = [
    {
        "number": 1,
        # A Bootstrap Icons name (the axis's "icon" field).
        "icon": "laptop",
        "slug": "digitalisation-communal-services",
        "title": tr(
            "الرقمنة وجودة الخدمات الجماعية",
            "Digitalisation et qualité des services communaux",
            "Digitalisation and quality of communal services",
        ),
        "projects": [
            {
                "slug": "digital-open-days",
                "title": tr(
                    "الأيام المفتوحة الرقمية بجماعة القنيطرة",
                    "Journées portes ouvertes numériques de la Commune de Kénitra",
                    "Digital open days at the Kenitra Commune",
                ),
            },
        ],
        "goals": [
            {
                "project": "digital-open-days",
                "title": tr(
                    "التعريف بالخدمات الرقمية المتاحة للمواطنين",
                    "Faire connaître les services numériques mis à la disposition"
                    " des citoyens",
                    "Publicising the digital services available to citizens",
                ),
            },
        ],
    },
    {
        "number": 2,
        "icon": "trophy",
        "slug": "culture-sport",
        "title": tr("الثقافة والرياضة", "Culture et sport", "Culture and sport"),
        "projects": [
            {
                "slug": "municipal-stadium-sports-museum",
                "title": tr(
                    "إحداث وتجهيز متحف رياضي بالملعب البلدي",
                    "Création et équipement d'un musée du sport au Stade municipal",
                    "Creating and equipping a sports museum at the municipal stadium",
                ),
            },
            {
                "slug": "gharb-culinary-arts-festival",
                "title": tr(
                    "تنظيم مهرجان دولي لفنون الطبخ بمنطقة الغرب",
                    "Organisation d'un festival international des arts culinaires"
                    " dans la région du Gharb",
                    "Holding an international festival of culinary arts in the"
                    " Gharb region",
                ),
            },
        ],
        # The article lists two goals: "تعزيز …، والترويج …".
        "goals": [
            {
                "project": None,
                "title": tr(
                    "تعزيز الاهتمام بالرياضة والثقافة",
                    "Renforcer l'intérêt pour le sport et la culture",
                    "Strengthening interest in sport and culture",
                ),
            },
            {
                "project": None,
                "title": tr(
                    "الترويج للمدينة كوجهة سياحية وثقافية",
                    "Promouvoir la ville en tant que destination touristique et"
                    " culturelle",
                    "Promoting the city as a tourist and cultural destination",
                ),
            },
        ],
    },
    {
        "number": 3,
        "icon": "people",
        "slug": "citizen-participation",
        "title": tr(
            "المشاركة المواطنة", "Participation citoyenne", "Citizen participation"
        ),
        "projects": [
            {
                "slug": "advisory-bodies",
                "title": tr(
                    "إحداث هيئات استشارية",
                    "Création d'instances consultatives",
                    "Setting up advisory bodies",
                ),
            },
        ],
        "goals": [
            {
                "project": "advisory-bodies",
                "title": tr(
                    "تعزيز المشاركة المواطنة والثقة بين الجماعة والمواطنين",
                    "Renforcer la participation citoyenne et la confiance entre la"
                    " Commune et les citoyens",
                    "Strengthening citizen participation and trust between the"
                    " Commune and citizens",
                ),
            },
        ],
    },
    {
        "number": 4,
        "icon": "tree",
        "slug": "environment-sustainable-development",
        "title": tr(
            "البيئة والتنمية المستدامة",
            "Environnement et développement durable",
            "Environment and sustainable development",
        ),
        "projects": [
            {
                "slug": "uniform-building-colour",
                "title": tr(
                    "توحيد لون البنايات لتعزيز الهوية البصرية",
                    "Harmonisation de la couleur des bâtiments pour renforcer"
                    " l'identité visuelle",
                    "Standardising the colour of buildings to strengthen the visual identity",
                ),
            },
            {
                "slug": "environmental-awareness-campaigns",
                "title": tr(
                    "حملات توعوية بيئية",
                    "Campagnes de sensibilisation environnementale",
                    "Environmental awareness campaigns",
                ),
            },
        ],
        # The article lists two goals: "نشر … وتعزيز …".
        "goals": [
            {
                "project": None,
                "title": tr(
                    "نشر الوعي البيئي",
                    "Diffuser la conscience environnementale",
                    "Spreading environmental awareness",
                ),
            },
            {
                "project": None,
                "title": tr(
                    "تعزيز الشراكة بين المواطنين والجماعة في إدارة الشؤون البيئية",
                    "Renforcer le partenariat entre les citoyens et la Commune dans"
                    " la gestion des affaires environnementales",
                    "Strengthening the partnership between citizens and the Commune"
                    " in managing environmental affairs",
                ),
            },
        ],
    },
]

# Taken from the Arabic: السيد → male, السيدة → female.
HONORIFICS = {
    "male": tr("السيد", "M.", "Mr"),
    "female": tr("السيدة", "Mme", "Ms"),
}

PEOPLE = [
    {
        "slug": "el-houssine-mofti",
        "name": tr("الحسين مفتي", "El Houssine Mofti", "El Houssine Mofti"),
        "gender": "male",
        "memberships": [
            (
                "commune",
                tr(
                    "نائب رئيس جماعة القنيطرة",
                    "Vice-président de la Commune de Kénitra",
                    "Vice-President of the Kenitra Commune",
                ),
            ),
        ],
    },
    {
        "slug": "mohamed-bouchri",
        "name": tr("محمد بشري", "Mohamed Bouchri", "Mohamed Bouchri"),
        "gender": "male",
        "memberships": [
            (
                "commune",
                tr(
                    "مدير المصالح الجماعية",
                    "Directeur des services communaux",
                    "Director of Communal Services",
                ),
            ),
        ],
    },
    {
        "slug": "badreddine-belkhiri",
        "name": tr("بدر الدين بلخيري", "Badreddine Belkhiri", "Badreddine Belkhiri"),
        "gender": "male",
        "memberships": [
            (
                "commune",
                tr(
                    "نائب رئيس جماعة القنيطرة المكلف بمصلحة الشرطة الإدارية",
                    "Vice-président de la Commune de Kénitra chargé du Service de la"
                    " police administrative",
                    "Vice-President of the Kenitra Commune in charge of the"
                    " Administrative Police Department",
                ),
            ),
        ],
    },
    {
        "slug": "naima-houdi",
        "name": tr("نعيمة هدي", "Naima Houdi", "Naima Houdi"),
        "gender": "female",
        "memberships": [
            (
                "commune",
                tr("مستشارة جماعية", "Conseillère communale", "Municipal councillor"),
            ),
            ("public_services_committee", tr("رئيسة", "Présidente", "Chair")),
        ],
    },
    {
        "slug": "khadija-hissoufa",
        "name": tr("خديجة هيسوفة", "Khadija Hissoufa", "Khadija Hissoufa"),
        "gender": "female",
        "memberships": [
            (
                "commune",
                tr("مستشارة جماعية", "Conseillère communale", "Municipal councillor"),
            ),
        ],
    },
    {
        "slug": "mohamed-mbarika",
        "name": tr("محمد مبريكة", "Mohamed Mbarika", "Mohamed Mbarika"),
        "gender": "male",
        "memberships": [
            (
                "commune",
                tr(
                    "على رأس موظفي وموظفات الجماعة",
                    "À la tête du personnel de la Commune",
                    "Heading the Commune's staff",
                ),
            ),
        ],
    },
]

EQUALITY_REPRESENTATIVE_ROLE = tr(
    "ممثل هيئة المساواة وتكافؤ الفرص ومقاربة النوع",
    "Représentant de l'Instance de l'équité, de l'égalité des chances et de"
    " l'approche genre",
    "Representative of the Equality, Equal Opportunities and Gender Approach"
    " Commission",
)

# A participant is a person (by slug) or, when the article names nobody, an
# organization (by key); "ref" is how agenda items point to their speaker.
LAUNCH_MEETING = {
    "slug": "kenitra-openness-consultative-meeting",
    "kind": "consultation",
    "title": tr(
        "لقاء تشاوري مباشر حول برنامج انفتاح جماعة القنيطرة",
        "Rencontre consultative directe sur le programme d'ouverture de la Commune"
        " de Kénitra",
        "Direct consultative meeting on the Kenitra Commune openness program",
    ),
    "date_text": tr("صباح يوم الأربعاء", "Mercredi matin", "Wednesday morning"),
    "summary": tr(
        "يعد هذا اللقاء خطوة مهمة نحو تعزيز التعاون بين جماعة القنيطرة والمواطنين،"
        " وتحقيق أهداف برنامج الانفتاح، خاصة في مجال الرقمنة وتحسين جودة الخدمات"
        " الجماعية.",
        "Cette rencontre constitue une étape importante vers le renforcement de la"
        " coopération entre la Commune de Kénitra et les citoyens, et vers la"
        " réalisation des objectifs du programme d'ouverture, notamment en matière de"
        " digitalisation et d'amélioration de la qualité des services communaux.",
        "This meeting is an important step towards stronger cooperation between the"
        " Kenitra Commune and its citizens, and towards the goals of the openness"
        " program, especially in digitalisation and improving the quality of communal"
        " services.",
    ),
    "attendance_note": tr(
        "حضور عدد كبير من المسؤولين والفاعلين في المجتمع المدني، بالإضافة إلى ممثلي"
        " الجماعة، وموظفي وموظفات الجماعة",
        "Un grand nombre de responsables et d'acteurs de la société civile, ainsi que"
        " des représentants de la Commune et des fonctionnaires de la Commune, femmes"
        " et hommes.",
        "A large number of officials and civil-society actors, as well as"
        " representatives of the Commune and the Commune's staff, women and men.",
    ),
    "participations": [
        {
            "ref": "el-houssine-mofti",
            "person": "el-houssine-mofti",
            "organization": "commune",
            "role": tr(
                "نائب رئيس جماعة القنيطرة",
                "Vice-président de la Commune de Kénitra",
                "Vice-President of the Kenitra Commune",
            ),
            "participation_role": "speaker",
            "spoke": True,
        },
        {
            "ref": "mohamed-bouchri",
            "person": "mohamed-bouchri",
            "organization": "commune",
            "role": tr(
                "مدير المصالح الجماعية",
                "Directeur des services communaux",
                "Director of Communal Services",
            ),
            "participation_role": "speaker",
            "spoke": True,
        },
        {
            "ref": "equality_body",
            "person": None,
            "organization": "equality_body",
            "role": EQUALITY_REPRESENTATIVE_ROLE,
            "participation_role": "speaker",
            "spoke": True,
        },
    ],
    "agenda": [
        {
            "speaker": None,
            "title": tr(
                "استقبال المشاركين",
                "Accueil des participants",
                "Welcoming the participants",
            ),
            "description": tr(
                "بدأ اللقاء باستقبال المشاركين.",
                "La rencontre a débuté par l'accueil des participants.",
                "The meeting began by welcoming the participants.",
            ),
        },
        {
            "speaker": "el-houssine-mofti",
            "title": tr(
                "كلمة السيد الحسين مفتي، نائب رئيس جماعة القنيطرة",
                "Allocution de M. El Houssine Mofti, Vice-président de la Commune de"
                " Kénitra",
                "Speech by Mr El Houssine Mofti, Vice-President of the Kenitra Commune",
            ),
            "description": tr(
                "رحب السيد الحسين مفتي بالجميع وأكد على أهمية اللقاء في تعزيز التواصل"
                " بين الجماعة والمواطنين.",
                "M. El Houssine Mofti a souhaité la bienvenue à l'ensemble des"
                " participants et a souligné l'importance de cette rencontre pour"
                " renforcer la communication entre la Commune et les citoyens.",
                "Mr El Houssine Mofti welcomed everyone and stressed the importance of"
                " the meeting in strengthening communication between the Commune and"
                " citizens.",
            ),
        },
        {
            "speaker": "mohamed-bouchri",
            "title": tr(
                "عرض شامل حول برنامج العمل",
                "Présentation globale du programme d'action",
                "Comprehensive presentation of the action program",
            ),
            "description": tr(
                "قدم مدير المصالح الجماعية، السيد محمد بشري، عرضاً شاملاً حول برنامج"
                " العمل.",
                "Le Directeur des services communaux, M. Mohamed Bouchri, a présenté"
                " un exposé global sur le programme d'action.",
                "The Director of Communal Services, Mr Mohamed Bouchri, gave a"
                " comprehensive presentation of the action program.",
            ),
        },
        {
            "speaker": "equality_body",
            "title": tr(
                "مداخلة ممثل هيئة المساواة وتكافؤ الفرص ومقاربة النوع",
                "Intervention du représentant de l'Instance de l'équité, de"
                " l'égalité des chances et de l'approche genre",
                "Statement by the representative of the Equality, Equal"
                " Opportunities and Gender Approach Commission",
            ),
            "description": tr(
                "تحدث ممثل هيئة المساواة وتكافؤ الفرص ومقاربة النوع، مشيراً إلى ضرورة"
                " تحسين آليات العمل بالمشروع وأهمية التواصل الدائم، وشكر الحضور على"
                " انخراطهم ومساهمتهم في نجاح هذه المبادرة التي تتماشى مع التوجهات"
                " الدولية.",
                "Le représentant de l'Instance a souligné la nécessité d'améliorer les"
                " mécanismes de travail du projet et l'importance d'une communication"
                " permanente. Il a remercié l'assistance pour son engagement et sa"
                " contribution à la réussite de cette initiative, qui s'inscrit en"
                " cohérence avec les orientations internationales.",
                "The commission's representative pointed to the need to improve the"
                " project's working mechanisms and the importance of constant"
                " communication, and thanked those present for their involvement and"
                " their contribution to the success of this initiative, which is in"
                " line with international orientations.",
            ),
        },
        {
            "speaker": None,
            "title": tr(
                "ورشات عمل حول محاور الانفتاح ذات الأولوية",
                "Ateliers sur les axes prioritaires de l'ouverture",
                "Workshops on the priority axes of openness",
            ),
            "description": tr(
                "تم تنظيم ورشات عمل حول محاور الانفتاح ذات الأولوية، بقيادة ممثلين عن"
                " جمعيات المجتمع المدني. هدفت الورشات إلى تبادل الأفكار وتقديم"
                " اقتراحات لتحسين جودة الخدمات.",
                "Des ateliers ont été organisés autour des axes prioritaires de"
                " l'ouverture, animés par des représentants d'associations de la"
                " société civile. Ils visaient à échanger des idées et à formuler des"
                " propositions pour améliorer la qualité des services.",
                "Workshops were held on the priority axes of openness, led by"
                " representatives of civil-society associations. They aimed to"
                " exchange ideas and make proposals to improve the quality of"
                " services.",
            ),
        },
        {
            "speaker": None,
            "title": tr(
                "مواصلة اللقاء بمناقشة موضوع الرقمنة وجودة الخدمات الجماعية",
                "Poursuite de la rencontre\u00a0: débat sur la digitalisation et la"
                " qualité des services communaux",
                "Continuation of the meeting: discussion of digitalisation and the"
                " quality of communal services",
            ),
            "description": tr(
                "استمر اللقاء بمناقشة موضوع الرقمنة وجودة الخدمات الجماعية، بحضور"
                " السيد بدر الدين بلخيري، نائب رئيس جماعة القنيطرة المكلف بمصلحة"
                " الشرطة الإدارية، والسيدة نعيمة هدي، مستشارة جماعية ورئيسة لجنة"
                " المرافق العمومية، والسيدة خديجة هيسوفة، مستشارة جماعية، بالإضافة إلى"
                " عدد من المسؤولين والفاعلين، وموظفي وموظفات الجماعة وعلى رأسهم السيد"
                " محمد مبريكة.",
                "La rencontre s'est poursuivie par un débat sur la digitalisation et la"
                " qualité des services communaux, en présence de M. Badreddine"
                " Belkhiri, Vice-président de la Commune de Kénitra chargé du Service"
                " de la police administrative, de Mme Naima Houdi, Conseillère"
                " communale et Présidente de la Commission des services publics, et de"
                " Mme Khadija Hissoufa, Conseillère communale, ainsi que d'un certain"
                " nombre de responsables et d'acteurs et du personnel de la Commune,"
                " avec à sa tête M. Mohamed Mbarika.",
                "The meeting went on with a discussion of digitalisation and the"
                " quality of communal services, attended by Mr Badreddine Belkhiri,"
                " Vice-President of the Kenitra Commune in charge of the"
                " Administrative Police Department, Ms Naima Houdi, municipal"
                " councillor and Chair of the Public Services Committee, and Ms"
                " Khadija Hissoufa, municipal councillor, as well as a number of"
                " officials and actors and the Commune's staff, headed by Mr Mohamed"
                " Mbarika.",
            ),
        },
    ],
}

# The article, written while the meeting was still going on, reports who attended its
# continuation on digitalisation: recorded as a session of the launch meeting.
SESSION = {
    "slug": "digitalisation-communal-services-session",
    "kind": "session",
    "axis": 1,
    "title": tr(
        "مناقشة موضوع الرقمنة وجودة الخدمات الجماعية",
        "Débat sur la digitalisation et la qualité des services communaux",
        "Discussion on digitalisation and the quality of communal services",
    ),
    "date_text": tr(
        "صباح يوم الأربعاء، في استمرار اللقاء",
        "Mercredi matin, dans le prolongement de la rencontre",
        "Wednesday morning, as the meeting continued",
    ),
    "summary": tr(
        "استمر اللقاء بمناقشة موضوع الرقمنة وجودة الخدمات الجماعية.",
        "La rencontre s'est poursuivie par un débat sur la digitalisation et la"
        " qualité des services communaux.",
        "The meeting continued with a discussion of digitalisation and the quality of"
        " communal services.",
    ),
    "attendance_note": tr(
        "عدد من المسؤولين والفاعلين، وموظفي وموظفات الجماعة وعلى رأسهم السيد محمد"
        " مبريكة",
        "Un certain nombre de responsables et d'acteurs, ainsi que le personnel de la"
        " Commune, femmes et hommes, avec à sa tête M. Mohamed Mbarika.",
        "A number of officials and actors, and the Commune's staff, women and men,"
        " headed by Mr Mohamed Mbarika.",
    ),
    "participations": [
        {
            "ref": "badreddine-belkhiri",
            "person": "badreddine-belkhiri",
            "organization": "commune",
            "role": tr(
                "نائب رئيس جماعة القنيطرة المكلف بمصلحة الشرطة الإدارية",
                "Vice-président de la Commune de Kénitra chargé du Service de la"
                " police administrative",
                "Vice-President of the Kenitra Commune in charge of the"
                " Administrative Police Department",
            ),
            "participation_role": "attendee",
            "spoke": False,
        },
        {
            "ref": "naima-houdi",
            "person": "naima-houdi",
            "organization": "commune",
            "role": tr(
                "مستشارة جماعية ورئيسة لجنة المرافق العمومية",
                "Conseillère communale et Présidente de la Commission des services"
                " publics",
                "Municipal councillor and Chair of the Public Services Committee",
            ),
            "participation_role": "attendee",
            "spoke": False,
        },
        {
            "ref": "khadija-hissoufa",
            "person": "khadija-hissoufa",
            "organization": "commune",
            "role": tr(
                "مستشارة جماعية", "Conseillère communale", "Municipal councillor"
            ),
            "participation_role": "attendee",
            "spoke": False,
        },
        {
            "ref": "mohamed-mbarika",
            "person": "mohamed-mbarika",
            "organization": "commune",
            "role": tr(
                "على رأس موظفي وموظفات الجماعة",
                "À la tête du personnel de la Commune",
                "Heading the Commune's staff",
            ),
            "participation_role": "attendee",
            "spoke": False,
        },
    ],
    "agenda": [],
}

# The article reports "workshops on the priority axes" without listing them: we record
# one workshop per axis, each held at the launch meeting on that axis's projects.
# Shown after the label "Led by" (بقيادة), so it does not say it again; the Arabic
# keeps the article's words, in the case that follows بقيادة.
WORKSHOP_FACILITATORS_NOTE = tr(
    "ممثلين عن جمعيات المجتمع المدني",
    "Des représentants d'associations de la société civile",
    "Representatives of civil-society associations",
)
WORKSHOP_SUMMARY = tr(
    "هدفت الورشة إلى تبادل الأفكار وتقديم اقتراحات لتحسين جودة الخدمات.",
    "L'atelier visait à échanger des idées et à formuler des propositions pour"
    " améliorer la qualité des services.",
    "The workshop aimed to exchange ideas and make proposals to improve the quality"
    " of services.",
)
WORKSHOPS = [
    {
        "slug": f"workshop-{axis['slug']}",
        "axis": axis["number"],
        "title": tr(
            f"ورشة عمل حول محور {axis['title']['ar']}",
            f"Atelier sur l'axe «\u00a0{axis['title']['fr']}\u00a0»",
            f"Workshop on the axis “{axis['title']['en']}”",
        ),
    }
    for axis in AXES
]

PRESS_COVERAGE = {
    "outlet": "press",
    "byline": "متابعة خاصة: قسم التحرير",
    "language": "ar",
}

# A copy of the seed article, so that a clone without ../shared still loads it in full;
# a test checks that it equals the seed file.
ARTICLE_TEXT = """\
مغربية بريس
متابعة خاصة : قسم التحرير
نظم صباح اليوم الأربعاء بقاعة الندوات بالقصر البلدي بالقنيطرة لقاء تشاوري مباشر حول برنامج انفتاح جماعة القنيطرة. شهد اللقاء حضور عدد كبير من المسؤولين والفاعلين في المجتمع المدني، بالإضافة إلى ممثلي الجماعة. وموظفي وموظفات الجماعة
بدأ اللقاء باستقبال المشاركين، تلاه كلمة السيد الحسين مفتي، نائب رئيس جماعة القنيطرة، الذي رحب بالجميع وأكد على أهمية اللقاء في تعزيز التواصل بين الجماعة والمواطنين. ثم قدم مدير المصالح الجماعية، السيد محمد بشري، عرضاً شاملاً حول برنامج العمل.
تحدث ممثل هيئة المساواة وتكافؤ الفرص ومقاربة النوع، مشيراً إلى ضرورة تحسين آليات العمل بالمشروع وأهمية التواصل الدائم، وشكر الحضور على انخراطهم ومساهمتهم في نجاح هذه المبادرة التي تتماشى مع التوجهات الدولية.
تم تنظيم ورشات عمل حول محاور الانفتاح ذات الأولوية، بقيادة ممثلين عن جمعيات المجتمع المدني. هدفت الورشات إلى تبادل الأفكار وتقديم اقتراحات لتحسين جودة الخدمات.
**المحور الأول: الرقمنة وجودة الخدمات الجماعية**
– **المشروع:** الأيام المفتوحة الرقمية بجماعة القنيطرة.
– **الأهداف:** التعريف بالخدمات الرقمية المتاحة للمواطنين.
**المحور الثاني: الثقافة والرياضة**
– **المشروع 1:** إحداث وتجهيز متحف رياضي بالملعب البلدي.
– **المشروع 2:** تنظيم مهرجان دولي لفنون الطبخ بمنطقة الغرب.
– **الأهداف:** تعزيز الاهتمام بالرياضة والثقافة، والترويج للمدينة كوجهة سياحية وثقافية.
**المحور الثالث: المشاركة المواطنة**
– **المشروع:** إحداث هيئات استشارية.
– **الأهداف:** تعزيز المشاركة المواطنة والثقة بين الجماعة والمواطنين.
**المحور الرابع: البيئة والتنمية المستدامة**
– **المشروع 1:** توحيد لون البنايات لتعزيز الهوية البصرية.
– **المشروع 2:** حملات توعوية بيئية.
– **الأهداف:** نشر الوعي البيئي وتعزيز الشراكة بين المواطنين والجماعة في إدارة الشؤون البيئية.
“اللقاء مازال مستمرًا بمناقشة موضوع الرقمنة وجودة الخدمات الجماعية، حيث حضر كل من السيد بدر الدين بلخيري، نائب رئيس جماعة القنيطرة المكلف بمصلحة الشرطة الإدارية، والسيدة نعيمة هدي، مستشارة جماعية ورئيسة لجنة المرافق العمومية، والسيدة خديجة هيسوفة، مستشارة جماعية، بالإضافة إلى عدد من المسؤولين والفاعلين، وموظفي وموظفات الجماعة وعلى رأسهم السيد محمد مبريكة.”
، يعد هذا اللقاء خطوة مهمة نحو تعزيز التعاون بين جماعة القنيطرة والمواطنين، وتحقيق أهداف برنامج الانفتاح، خاصة في مجال الرقمنة وتحسين جودة الخدمات الجماعية."""
