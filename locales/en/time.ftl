## Dates and times as written in English: "Tuesday, December 8, 2026, 1:30 PM".

weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December
date-long = { $weekday }, { $month } { $day }, { $year }
time-of-day = { $hour12 }:{ $minute } { $meridiem ->
    [pm] PM
   *[am] AM
}
datetime-long = { $date }, { $time }
time-span-same-day = { $date }, { $start } – { $end }
time-span = { $start } – { $end }
