# Day, month name (from locale/zgh: ⵉⵏⵏⴰⵢⵔ … ⴷⵓⵊⴰⵏⴱⵉⵔ, as in CLDR), year; Western digits,
# as CLDR's zgh locale writes them (latn numbering, comma for decimals).
DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
FIRST_DAY_OF_WEEK = 1
DECIMAL_SEPARATOR = ","
THOUSAND_SEPARATOR = "\u00a0"
NUMBER_GROUPING = 3
