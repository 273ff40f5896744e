#!/usr/bin/env python3
"""Names typed in Latin letters against their Cyrillic spelling, on a running
server: for each pair, the totals and how much of the Cyrillic query's first
ten hits the Latin query's first ten share. A pair is flagged when under 80%
is shared or the Latin total is under 80% of the Cyrillic one. Meant for an
index of the real texts (bench/run.sh --sets real with BENCH_KEEP=1, or any
index of news).

  latin_names.py PORT
"""
import json
import sys
import urllib.parse
import urllib.request

PAIRS = """Navalny Навальный
Zelensky Зеленский
Zelenskiy Зеленский
Shoigu Шойгу
Peskov Песков
Nabiullina Набиуллина
Kudrin Кудрин
Sobyanin Собянин
Mishustin Мишустин
Medvedev Медведев
Lukashenko Лукашенко
Erdogan Эрдоган
Macron Макрон
Merkel Меркель
Trump Трамп
Biden Байден
Pashinyan Пашинян
Aliyev Алиев
Kadyrov Кадыров
Zakharova Захарова
Matviyenko Матвиенко
Volodin Володин
Gref Греф
Sechin Сечин
Chubais Чубайс
Prigozhin Пригожин
Khodorkovsky Ходорковский
Deripaska Дерипаска
Abramovich Абрамович
Gorbachev Горбачев
Yeltsin Ельцин
Lavrov Лавров
Nebenzya Небензя
Shuvalov Шувалов
Rogozin Рогозин
Zhirinovsky Жириновский
Zyuganov Зюганов
Solovyov Соловьев
Kiselyov Киселев
Simonyan Симоньян
Tokayev Токаев
Nazarbayev Назарбаев
Poroshenko Порошенко
Yanukovych Янукович
Tymoshenko Тимошенко
Saakashvili Саакашвили
Netanyahu Нетаньяху
Johnson Джонсон
Obama Обама
Putin Путин
Klitschko Кличко
Avakov Аваков
Timchenko Тимченко
Usmanov Усманов
Potanin Потанин
Vekselberg Вексельберг
Miller Миллер
Kostin Костин
Siluanov Силуанов
Oreshkin Орешкин
Manturov Мантуров
Novak Новак
Dvorkovich Дворкович
Shmelev Шмелев
Chaika Чайка
Bastrykin Бастрыкин
Kolokoltsev Колокольцев
Bortnikov Бортников
Naryshkin Нарышкин
Patrushev Патрушев
Surkov Сурков
Kiriyenko Кириенко
Vaino Вайно
Golikova Голикова
Skvortsova Скворцова
Murashko Мурашко
Popova Попова
Kasparov Каспаров
Yashin Яшин
Sobchak Собчак
Gudkov Гудков
Udaltsov Удальцов
Limonov Лимонов
Pugacheva Пугачева
Kirkorov Киркоров
Ovechkin Овечкин
Malkin Малкин
Sharapova Шарапова
Medvedeva Медведева
Zagitova Загитова
Arshavin Аршавин
Dzyuba Дзюба
Cherchesov Черчесов
Capello Капелло
Hiddink Хиддинк""".splitlines()


def search(port, query):
    url = "http://127.0.0.1:%s/api/search?%s" % (port, urllib.parse.urlencode({"q": query, "limit": 10}))
    answer = json.load(urllib.request.urlopen(url))
    return answer["total"], [hit["id"] for hit in answer["hits"]]


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    port = sys.argv[1]
    compared = flagged = 0
    for line in PAIRS:
        latin, cyrillic = line.split()
        latin_total, latin_ids = search(port, latin)
        cyrillic_total, cyrillic_ids = search(port, cyrillic)
        if cyrillic_total == 0:
            continue
        compared += 1
        shared = len(set(latin_ids) & set(cyrillic_ids)) / max(1, min(10, len(cyrillic_ids)))
        weak = shared < 0.8 or latin_total < 0.8 * cyrillic_total
        flagged += weak
        print("%-14s %6d  %-14s %6d  top 10 shared %.1f%s" % (latin, latin_total, cyrillic, cyrillic_total, shared,
                                                              "  <--" if weak else ""))
    print("flagged: %d of %d names" % (flagged, compared))


if __name__ == "__main__":
    main()
