"""The aligned (ar, fr, en) vocabulary the demo titles are built from."""

LANGUAGES = ("ar", "fr", "en")

# (ar, fr, en) triples, so a title says the same thing in each language.
ACTIONS = [
    ("إحداث", "Création de", "Creating"),
    ("تأهيل", "Réhabilitation de", "Renovating"),
    ("رقمنة", "Numérisation de", "Digitising"),
    ("توسيع", "Extension de", "Extending"),
    ("تجهيز", "Équipement de", "Equipping"),
    ("تنظيم", "Organisation de", "Organising"),
]
SUBJECTS = [
    ("المكتبة الجماعية", "la bibliothèque communale", "the municipal library"),
    ("شباك الخدمات الإلكترونية", "guichet des e-services", "the e-services desk"),
    ("الحدائق العمومية", "jardins publics", "public gardens"),
    ("دار الشباب", "la maison des jeunes", "the youth centre"),
    ("الإنارة العمومية", "l'éclairage public", "street lighting"),
    ("مسالك الدراجات", "pistes cyclables", "cycle lanes"),
    ("أرشيف الجماعة", "les archives de la commune", "the commune's archives"),
    ("الأسواق الجماعية", "marchés communaux", "municipal markets"),
    ("المركز الصحي", "centre de santé", "the health centre"),
    ("بوابة المعطيات المفتوحة", "portail des données ouvertes", "the open data portal"),
]
PLACES = [
    ("بحي الساكنية", "au quartier Saknia", "in the Saknia district"),
    ("بحي أولاد أوجيه", "à Ouled Oujih", "in Ouled Oujih"),
    ("بالمدينة العتيقة", "dans la médina", "in the medina"),
    ("بحي الخبازات", "au quartier Khabazat", "in the Khabazat district"),
    ("بمنطقة مايموزا", "à Mimosas", "in Mimosas"),
    ("بحي بئر الرامي", "à Bir Rami", "in Bir Rami"),
    ("بوسط المدينة", "au centre-ville", "in the city centre"),
]
AXIS_THEMES = [
    ("الحكامة والشفافية", "Gouvernance et transparence", "Governance and transparency"),
    ("المشاركة المواطنة", "Participation citoyenne", "Citizen participation"),
    ("الرقمنة", "Numérisation", "Digitalisation"),
    ("الولوج إلى المعلومة", "Accès à l'information", "Access to information"),
]
DEPARTMENTS = [
    ("مصلحة الشؤون الثقافية", "Service culturel", "Cultural affairs"),
    ("مصلحة الأشغال", "Service des travaux", "Public works"),
    ("مصلحة المعلوميات", "Service informatique", "IT department"),
    ("مصلحة البيئة", "Service de l'environnement", "Environment department"),
]
# A one-page PDF, so demo documents open in a reader like real minutes.
MINUTES_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)
