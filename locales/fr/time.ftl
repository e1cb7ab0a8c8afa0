## Dates et heures, à la française : « mardi 8 décembre 2026, 13 h 30 ».

weekday-1 = lundi
weekday-2 = mardi
weekday-3 = mercredi
weekday-4 = jeudi
weekday-5 = vendredi
weekday-6 = samedi
weekday-7 = dimanche
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre
date-long = { $weekday } { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
time-of-day = { $on_the_hour ->
    [yes] { $hour } h
   *[no] { $hour } h { $minute }
}
datetime-long = { $date }, { $time }
time-span-same-day = { $date }, { $start } – { $end }
time-span = { $start } – { $end }
