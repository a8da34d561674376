"""Fills the Tatar and English catalogues of the public templates from the table below.

Run after `manage.py makemessages` (see `make messages`): it only fills msgstr of the msgids
listed here and leaves every other entry as it is. The table is the source of truth for the
public interface strings; .mo files are compiled by `make messages` and committed.
"""

import re
from pathlib import Path

HERE = Path(__file__).resolve().parent

# msgid: (Tatar, English)
STRINGS = {
    "Маршрут": ("Маршрут", "Marshrut"),
    "Перейти к основному содержанию": ("Төп эчтәлеккә күчү", "Skip to main content"),
    "Маршрут — центр занятости населения": (
        "Маршрут — халыкны эш белән тәэмин итү үзәге",
        "Marshrut — public employment centre",
    ),
    "Версия для слабовидящих": ("Начар күрүчеләр өчен версия", "Version for the visually impaired"),
    "Справочная служба центра занятости:": (
        "Эш белән тәэмин итү үзәгенең белешмә хезмәте:",
        "Employment centre help line:",
    ),
    "Основное меню": ("Төп меню", "Main menu"),
    "Записаться на консультацию": ("Консультациягә язылу", "Book a consultation"),
    "Главная": ("Баш бит", "Home"),
    "Язык сайта": ("Сайт теле", "Site language"),
    "Настройки для слабовидящих": (
        "Начар күрүчеләр өчен көйләүләр",
        "Settings for the visually impaired",
    ),
    "Размер шрифта": ("Шрифт зурлыгы", "Font size"),
    "Обычный": ("Гадәти", "Normal"),
    "Крупный": ("Эре", "Large"),
    "Очень крупный": ("Бик эре", "Larger"),
    "Самый крупный": ("Иң эре", "Largest"),
    "Цвета": ("Төсләр", "Colours"),
    "Чёрным по белому": ("Ак фонда кара", "Black on white"),
    "Белым по чёрному": ("Кара фонда ак", "White on black"),
    "Тёмно-синим по голубому": ("Зәңгәр фонда куе күк", "Dark blue on light blue"),
    "Коричневым по бежевому": ("Көрән фонда чем-көрән", "Brown on beige"),
    "Зелёным по тёмно-коричневому": ("Куе көрән фонда яшел", "Green on dark brown"),
    "Изображения": ("Рәсемнәр", "Images"),
    "Показывать": ("Күрсәтергә", "Show"),
    "Скрыть": ("Яшерергә", "Hide"),
    "Чёрно-белые": ("Ак-кара", "Greyscale"),
    "Интервал между буквами и строками": (
        "Хәрефләр һәм юллар арасындагы ара",
        "Letter and line spacing",
    ),
    "Увеличенный": ("Зурайтылган", "Larger"),
    "Большой": ("Зур", "Largest"),
    "Шрифт": ("Шрифт", "Font"),
    "Без засечек": ("Засечкасыз", "Sans serif"),
    "С засечками": ("Засечкалы", "Serif"),
    "Обычная версия сайта": ("Сайтның гадәти версиясе", "Normal version of the site"),
    "Жизненные ситуации": ("Тормыш хәлләре", "Life situations"),
    "Полезные разделы": ("Файдалы бүлекләр", "Useful sections"),
    "Кому поможем": ("Кемгә ярдәм итәбез", "Who we help"),
    "С какими трудностями сталкиваются": ("Нинди кыенлыклар очрый", "Common difficulties"),
    "Что вы получите": ("Сез нәрсә аласыз", "What you get"),
    "Комплекс услуг": ("Хезмәтләр комплексы", "Set of services"),
    "Как проходит маршрут": ("Маршрут ничек уза", "Your route step by step"),
    "Контакты": ("Элемтә", "Contacts"),
    "Телефон справочной службы:": ("Белешмә хезмәте телефоны:", "Help line:"),
    "Телефон справочной службы": ("Белешмә хезмәте телефоны", "Help line"),
    "Поиск и фильтры услуг": ("Хезмәтләрне эзләү һәм сайлау", "Search and filter services"),
    "Показать услуги": ("Хезмәтләрне күрсәтергә", "Show services"),
    "Сбросить фильтры": ("Фильтрларны ташларга", "Clear filters"),
    "Найдено услуг: %(counter)s": (
        "Табылган хезмәтләр: %(counter)s",
        "Services found: %(counter)s",
    ),
    "Результат:": ("Нәтиҗә:", "Result:"),
    "Кто оказывает:": ("Кем күрсәтә:", "Provided by:"),
    "центр занятости": ("эш белән тәэмин итү үзәге", "the employment centre"),
    "По вашему запросу услуг не найдено. Попробуйте изменить слова поиска или сбросить фильтры.": (
        "Сезнең сорау буенча хезмәтләр табылмады. "
        "Эзләү сүзләрен үзгәртеп карагыз яки фильтрларны ташлагыз.",
        "No services match your search. Try other words or clear the filters.",
    ),
    "Что это и что даёт": ("Бу нәрсә һәм нәрсә бирә", "What it is and what it gives you"),
    "Кто может получить": ("Кем ала ала", "Who can get it"),
    "Что взять с собой": ("Үзегез белән нәрсә алырга", "What to bring"),
    "Коротко об услуге": ("Хезмәт турында кыскача", "The service in brief"),
    "Результат": ("Нәтиҗә", "Result"),
    "Как предоставляется": ("Ничек күрсәтелә", "How it is provided"),
    "Сколько времени занимает": ("Күпме вакыт ала", "How long it takes"),
    "Как получить": ("Ничек алырга", "How to get it"),
    "Уточните по телефону справочной службы": (
        "Белешмә хезмәте телефоны аша белешегез",
        "Ask the help line",
    ),
    "тел.": ("тел.", "tel."),
    "Кто оказывает": ("Кем күрсәтә", "Provided by"),
    "Центр занятости населения": ("Халыкны эш белән тәэмин итү үзәге", "Public employment centre"),
    "Кто из специалистов ведёт услугу": ("Хезмәтне кайсы белгеч алып бара", "Specialist in charge"),
    "В каких жизненных ситуациях помогает": (
        "Нинди тормыш хәлләрендә ярдәм итә",
        "Life situations it helps in",
    ),
    "Официальное наименование": ("Рәсми исеме", "Official name"),
    "Смотрите также": ("Шулай ук карагыз", "See also"),
    "Адрес и телефон": ("Адрес һәм телефон", "Address and phone"),
    "Адрес": ("Адрес", "Address"),
    "Уточните адрес по телефону справочной службы.": (
        "Адресны белешмә хезмәте телефоны аша белешегез.",
        "Please ask the help line for the address.",
    ),
    "Часы работы": ("Эш вакыты", "Opening hours"),
    "Как добраться": ("Ничек барып җитәргә", "How to get here"),
    "Доступный вход": ("Уңайлы керү урыны", "Accessible entrance"),
    "Парковка для людей с инвалидностью": (
        "Инвалидлыгы булган кешеләр өчен машина кую урыны",
        "Parking for people with disabilities",
    ),
    "Можно прийти с сопровождающим": (
        "Озатучы белән килергә мөмкин",
        "You may come with a companion",
    ),
    "Отдельное окно без очереди": ("Чиратсыз аерым тәрәзә", "Separate window without a queue"),
    # Catalogue filters and the service's result types, modes and channels.
    "Поиск по названию": ("Исем буенча эзләү", "Search by name"),
    "Жизненная ситуация": ("Тормыш хәле", "Life situation"),
    "Категория": ("Категория", "Category"),
    "Все": ("Барысы", "All"),
    "Любой": ("Теләсә нинди", "Any"),
    "Центр занятости": ("Эш белән тәэмин итү үзәге", "Employment centre"),
    "Лично в центре занятости": ("Эш белән тәэмин итү үзәгендә шәхсән", "In person at the centre"),
    "По телефону": ("Телефон аша", "By phone"),
    "На портале «Работа в России»": ("«Россиядә эш» порталында", "On the “Work in Russia” portal"),
    "лично в центре занятости": ("эш белән тәэмин итү үзәгендә шәхсән", "in person at the centre"),
    "по телефону": ("телефон аша", "by phone"),
    "на портале «Работа в России»": ("«Россиядә эш» порталында", "on the “Work in Russia” portal"),
    "Документ": ("Документ", "Document"),
    "Выплата": ("Түләү", "Payment"),
    "Информация, консультация": ("Мәгълүмат, консультация", "Information, advice"),
    "Мера государственной поддержки": ("Дәүләт ярдәме чарасы", "State support measure"),
    "Реализация права": ("Хокукны гамәлгә ашыру", "Exercise of a right"),
    "Иная выгода": ("Башка файда", "Other benefit"),
    "По запросу гражданина": ("Граждан соравы буенча", "On request"),
    "Проактивно": ("Проактив рәвештә", "Proactively"),
    "По запросу или проактивно": ("Сорау буенча яки проактив рәвештә", "On request or proactively"),
}


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def unquote(block):
    return "".join(
        part.encode("raw_unicode_escape").decode("unicode_escape") if "\\" in part else part
        for part in re.findall(r'"(.*)"', block)
    )


def fill(language, index):
    path = HERE / language / "LC_MESSAGES" / "django.po"
    entries = path.read_text(encoding="utf-8").split("\n\n")
    out = []
    for entry in entries:
        match = re.search(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', entry, re.M)
        if match:
            msgid = unquote(match.group(1))
            if msgid in STRINGS:
                start, end = match.span(2)
                entry = entry[:start] + quote(STRINGS[msgid][index]) + entry[end:].lstrip("\n")
                entry = entry.replace("#, fuzzy\n", "")
        out.append(entry)
    text = "\n\n".join(out)
    if language == "tt":
        text = text.replace(
            '"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\\n"',
            '"Plural-Forms: nplurals=1; plural=0;\\n"',
        )
    else:
        text = text.replace(
            '"Plural-Forms: nplurals=INTEGER; plural=EXPRESSION;\\n"',
            '"Plural-Forms: nplurals=2; plural=(n != 1);\\n"',
        )
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    fill("tt", 0)
    fill("en", 1)
