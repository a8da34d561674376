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
    "— выберите центр —": ("— үзәкне сайлагыз —", "— choose a centre —"),
    "Выберите центр занятости.": (
        "Эш белән тәэмин итү үзәген сайлагыз.",
        "Choose an employment centre.",
    ),
    "Как к вам обращаться": ("Сезгә ничек эндәшергә", "How should we address you"),
    "Напишите, как к вам обращаться.": (
        "Сезгә ничек эндәшергә икәнен языгыз.",
        "Tell us how to address you.",
    ),
    "Телефон для связи": ("Элемтә өчен телефон", "Contact phone"),
    "Укажите телефон, чтобы мы могли подтвердить запись.": (
        "Язылуны раслый алсын өчен телефонны күрсәтегез.",
        "Give a phone number so that we can confirm the booking.",
    ),
    "По какому вопросу": ("Нинди мәсьәлә буенча", "What about"),
    "— не знаю / другое —": ("— белмим / башка —", "— not sure / other —"),
    "Дата": ("Көн", "Date"),
    "Выберите дату.": ("Көнне сайлагыз.", "Choose a date."),
    "Введите дату в формате ДД.ММ.ГГГГ.": (
        "Көнне КК.АА.ЕЕЕЕ рәвешендә языгыз.",
        "Enter the date as DD.MM.YYYY.",
    ),
    "Время": ("Вакыт", "Time"),
    "Выберите время.": ("Вакытны сайлагыз.", "Choose a time."),
    "Введите время в формате ЧЧ:ММ.": (
        "Вакытны СС:ММ рәвешендә языгыз.",
        "Enter the time as HH:MM.",
    ),
    "Мне нужна помощь при посещении (сопровождение, пандус, отдельное окно)": (
        "Килгәндә миңа ярдәм кирәк (озата бару, пандус, аерым тәрәзә)",
        "I need help when visiting (a companion, a ramp, a separate window)",
    ),
    "Комментарий": ("Искәрмә", "Comment"),
    "Это время уже прошло. Выберите дату и время в будущем.": (
        "Бу вакыт инде үтте. Киләчәктәге көнне һәм вакытны сайлагыз.",
        "That time has passed. Choose a date and time in the future.",
    ),
    "В этот день центр не принимает. Рабочие дни: %(days)s.": (
        "Бу көнне үзәк кабул итми. Эш көннәре: %(days)s.",
        "The centre is closed that day. Working days: %(days)s.",
    ),
    "Центр принимает с %(o)s до %(c)s. Выберите время приёма.": (
        "Үзәк %(o)s – %(c)s арасында кабул итә. Кабул итү вакытын сайлагыз.",
        "The centre receives visitors from %(o)s to %(c)s. Choose a time within these hours.",
    ),
    "Я согласен(на) на обработку моих персональных данных для записи на приём": (
        "Кабул итүгә язылу өчен шәхси мәгълүматларымны эшкәртүгә ризалык бирәм",
        "I agree to the processing of my personal data for this booking",
    ),
    "Без согласия на обработку данных мы не можем вас записать.": (
        "Мәгълүматларны эшкәртүгә ризалыгыгыз булмаса, без сезне яза алмыйбыз.",
        "Without your consent to data processing we cannot book you.",
    ),
    "Не заполняйте это поле": ("Бу кырны тутырмагыз", "Leave this field empty"),
    "Укажите телефон цифрами, например +7 917 123-45-67.": (
        "Телефонны саннар белән языгыз, мәсәлән +7 917 123-45-67.",
        "Enter the phone in digits, for example +7 917 123-45-67.",
    ),
    "Слишком много записей с этого устройства. Позвоните нам или попробуйте позже.": (
        "Бу җайланмадан язылулар артык күп. Безгә шалтыратыгыз яки соңрак кабатлагыз.",
        "Too many bookings from this device. Call us or try again later.",
    ),
    "Предварительная запись на консультацию": ("Консультациягә алдан язылу", "Book a consultation"),
    (
        "Выберите удобные день и время — специалист центра занятости примет вас без очереди. "
        "Мы спросим только то, что нужно для записи."
    ): (
        "Уңайлы көнне һәм вакытны сайлагыз — эш белән тәэмин итү үзәге белгече сезне "
        "чиратсыз кабул итәчәк. Без язылу өчен кирәк булганны гына сорыйбыз.",
        "Choose a convenient day and time — a specialist of the employment centre will see you "
        "without queuing. We only ask what we need for the booking.",
    ),
    "Проверьте, пожалуйста, форму": ("Зинһар, форманы тикшерегез", "Please check the form"),
    "Куда и по какому вопросу": ("Кая һәм нинди мәсьәлә буенча", "Where and what about"),
    "Когда": ("Кайчан", "When"),
    "Как с вами связаться": ("Сезнең белән ничек элемтәгә керергә", "How to reach you"),
    "Записаться": ("Язылырга", "Book"),
    "Вы записаны на консультацию": (
        "Сез консультациягә язылдыгыз",
        "You are booked for a consultation",
    ),
    "Куда": ("Кая", "Where"),
    "Телефон для справок": ("Белешмәләр өчен телефон", "Information line"),
    "Вопрос": ("Мәсьәлә", "Topic"),
    "Паспорт": ("Паспорт", "Passport"),
    "СНИЛС": ("СНИЛС", "SNILS (insurance number)"),
    "ИПРА — если у вас есть инвалидность": (
        "ИПРА — әгәр сездә инвалидлык булса",
        "IPRA — if you have a disability",
    ),
    "Документ об образовании и трудовую книжку — если есть": (
        "Белем турында документ һәм хезмәт кенәгәсе — булса",
        "Education certificate and work record book — if you have them",
    ),
    "Мы отметили, что вам нужна помощь при посещении: специалист встретит вас у входа.": (
        "Килгәндә сезгә ярдәм кирәк икәнен билгеләдек: белгеч сезне керү урынында каршы алачак.",
        "We noted that you need help when visiting: a specialist will meet you at the entrance.",
    ),
    "Если планы изменятся, позвоните нам по телефону справочной службы.": (
        "Планнар үзгәрсә, безгә белешмә хезмәте телефоны буенча шалтыратыгыз.",
        "If your plans change, please call our help line.",
    ),
    "Запись принята": ("Язылу кабул ителде", "Booking received"),
    "Спасибо! Если у вас остались вопросы, позвоните в центр занятости.": (
        "Рәхмәт! Сорауларыгыз калса, эш белән тәэмин итү үзәгенә шалтыратыгыз.",
        "Thank you! If you have any questions, call the employment centre.",
    ),
    "Вернуться на главную": ("Баш биткә кайту", "Back to the home page"),
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
    # Surveys (the public form, the hall tablet, invitations).
    "Проверьте, пожалуйста, ответы": ("Җавапларны тикшерегез, зинһар", "Please check your answers"),
    "Обязательный вопрос.": ("Мәҗбүри сорау.", "Required question."),
    "Можно не отвечать.": ("Җавап бирмәскә дә була.", "You may skip this question."),
    "0 — точно не порекомендую, 10 — обязательно порекомендую.": (
        "0 — һичшиксез тәкъдим итмим, 10 — һичшиксез тәкъдим итәм.",
        "0 — certainly not, 10 — certainly yes.",
    ),
    "Отправить ответы": ("Җавапларны җибәрергә", "Send the answers"),
    "Спасибо за ответы": ("Җаваплар өчен рәхмәт", "Thank you for your answers"),
    "На главную страницу": ("Баш биткә", "To the home page"),
    "Опрос анонимный: мы не спрашиваем имя и не храним, кто отвечал.": (
        "Сораштыру аноним: без исемне сорамыйбыз һәм кем җавап биргәнен сакламыйбыз.",
        "The survey is anonymous: we do not ask your name or keep who answered.",
    ),
    "Опрос анонимный. Ответы не сохраняются на этом планшете.": (
        "Сораштыру аноним. Җаваплар бу планшетта сакланмый.",
        "The survey is anonymous. Answers are not kept on this tablet.",
    ),
    "Через несколько секунд анкета откроется заново для следующего посетителя.": (
        "Берничә секундтан анкета киләсе килүче өчен яңадан ачылачак.",
        "In a few seconds the survey will start again for the next visitor.",
    ),
    "Начать новую анкету": ("Яңа анкетаны башларга", "Start a new survey"),
    "Анкета скоро очистится. Коснитесь экрана, чтобы продолжить.": (
        "Анкета тиздән чистартылачак. Дәвам итү өчен экранга кагылыгыз.",
        "The survey will be cleared soon. Touch the screen to go on.",
    ),
    "Оцените нашу работу": ("Безнең эшне бәяләгез", "Rate our work"),
    "Ответьте, пожалуйста, на этот вопрос.": (
        "Бу сорауга җавап бирегез, зинһар.",
        "Please answer this question.",
    ),
    "Выберите ответ.": ("Җавапны сайлагыз.", "Choose an answer."),
    "Выберите один из предложенных вариантов.": (
        "Тәкъдим ителгән вариантларның берсен сайлагыз.",
        "Choose one of the options offered.",
    ),
    "Отметьте хотя бы один вариант.": (
        "Ким дигәндә бер вариантны билгеләгез.",
        "Tick at least one option.",
    ),
    "очень плохо": ("бик начар", "very poor"),
    "плохо": ("начар", "poor"),
    "удовлетворительно": ("канәгатьләнерлек", "fair"),
    "хорошо": ("яхшы", "good"),
    "отлично": ("бик яхшы", "excellent"),
    "Слишком много ответов с этого устройства. Попробуйте, пожалуйста, позже.": (
        "Бу җайланмадан җаваплар артык күп. Соңрак кабатлап карагыз, зинһар.",
        "Too many answers from this device. Please try again later.",
    ),
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
