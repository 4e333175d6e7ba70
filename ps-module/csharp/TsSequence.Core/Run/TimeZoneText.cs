using System;
using System.Globalization;
using System.Text;

namespace TsSequence
{
    /// <summary>
    /// <c>_SMSTSTimezone</c>: the time zone as Windows' TIME_ZONE_INFORMATION, in ConfigMgr's
    /// order — <c>Bias,StandardBias,DaylightBias,</c> then StandardDate and DaylightDate as eight
    /// SYSTEMTIME fields each (<c>wYear,wMonth,wDayOfWeek,wDay,wHour,wMinute,wSecond,wMilliseconds</c>),
    /// then <c>StandardName,DaylightName</c>; Eastern Time reads
    /// <c>300,0,-60,0,11,0,1,2,0,0,0,0,3,0,2,2,0,0,0,Eastern Standard Time,Eastern Daylight Time</c>.
    /// Biases are minutes with UTC = local time + bias. The dates are Windows' yearly rules
    /// (wYear 0, wDay the week of the month, 5 for the last) of the current year's transitions,
    /// found by looking at the zone's UTC offset through the year: on Unix .NET describes tzdata as
    /// one fixed-date rule per period, not as yearly rules, so the rules cannot be copied. A zone
    /// without daylight saving time this year has all-zero dates and a DaylightBias of 0.
    /// Names are .NET's (on Linux, ICU's names, which can differ from the Windows ones).
    /// </summary>
    public static class TimeZoneText
    {
        private static readonly object Sync = new object();
        private static string? _cachedKey;
        private static string? _cachedText;

        /// <summary>The local time zone now; "" if .NET cannot tell what it is.</summary>
        public static string Current()
        {
            try
            {
                TimeZoneInfo zone = TimeZoneInfo.Local;
                int year = DateTime.UtcNow.Year;
                string key = zone.Id + "|" + year.ToString(CultureInfo.InvariantCulture);
                lock (Sync)
                {
                    if (key != _cachedKey)
                    {
                        _cachedText = Describe(zone, year);
                        _cachedKey = key;
                    }

                    return _cachedText!;
                }
            }
            catch (TimeZoneNotFoundException)
            {
                return string.Empty;
            }
            catch (InvalidTimeZoneException)
            {
                return string.Empty;
            }
        }

        /// <summary>The text for <paramref name="zone"/> with the transitions of <paramref name="year"/> (UTC).</summary>
        public static string Describe(TimeZoneInfo zone, int year)
        {
            DateTime from = new DateTime(year, 1, 1, 0, 0, 0, DateTimeKind.Utc);
            DateTime to = from.AddYears(1);
            DateTime? toDaylight = null;
            DateTime? toStandard = null;
            TimeSpan standardOffset = zone.BaseUtcOffset;
            TimeSpan daylightOffset = zone.BaseUtcOffset;

            // Day by day, then by halving to the minute, find where the offset changes.
            TimeSpan previous = zone.GetUtcOffset(from);
            for (DateTime day = from; day < to; day = day.AddDays(1))
            {
                DateTime next = day.AddDays(1) < to ? day.AddDays(1) : to;
                TimeSpan after = zone.GetUtcOffset(next);
                if (after == previous)
                {
                    continue;
                }

                DateTime change = FirstInstantWithOffset(zone, day, next, after);
                if (zone.IsDaylightSavingTime(change))
                {
                    toDaylight ??= change;
                    daylightOffset = after;
                    standardOffset = previous;
                }
                else
                {
                    toStandard ??= change;
                    standardOffset = after;
                    daylightOffset = previous;
                }

                previous = after;
            }

            bool hasDaylight = toDaylight.HasValue && toStandard.HasValue;
            if (!hasDaylight)
            {
                standardOffset = zone.GetUtcOffset(DateTime.UtcNow);
            }

            var text = new StringBuilder();
            text.Append(Minutes(-standardOffset)).Append(",0,");
            text.Append(hasDaylight ? Minutes(standardOffset - daylightOffset) : "0");
            AppendRule(text, hasDaylight ? toStandard!.Value + daylightOffset : (DateTime?)null);
            AppendRule(text, hasDaylight ? toDaylight!.Value + standardOffset : (DateTime?)null);
            text.Append(',').Append(zone.StandardName).Append(',').Append(zone.DaylightName);
            return text.ToString();
        }

        // The first minute in (start, end] whose offset is the new one.
        private static DateTime FirstInstantWithOffset(TimeZoneInfo zone, DateTime start, DateTime end, TimeSpan offset)
        {
            while (end - start > TimeSpan.FromMinutes(1))
            {
                DateTime middle = start.AddTicks((end - start).Ticks / 2);
                middle = new DateTime(middle.Ticks - (middle.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Utc);
                if (middle <= start)
                {
                    break;
                }

                if (zone.GetUtcOffset(middle) == offset)
                {
                    end = middle;
                }
                else
                {
                    start = middle;
                }
            }

            return end;
        }

        // ",wYear,wMonth,wDayOfWeek,wDay,wHour,wMinute,wSecond,wMilliseconds" of a yearly rule
        // that falls on the local wall-clock time just before the transition; zeros for none.
        private static void AppendRule(StringBuilder text, DateTime? localBefore)
        {
            if (localBefore is null)
            {
                text.Append(",0,0,0,0,0,0,0,0");
                return;
            }

            DateTime at = localBefore.Value;
            int week = ((at.Day - 1) / 7) + 1;
            if (at.Day + 7 > DateTime.DaysInMonth(at.Year, at.Month))
            {
                week = 5;
            }

            foreach (int field in new[] { 0, at.Month, (int)at.DayOfWeek, week, at.Hour, at.Minute, at.Second, at.Millisecond })
            {
                text.Append(',').Append(field.ToString(CultureInfo.InvariantCulture));
            }
        }

        private static string Minutes(TimeSpan span) => ((int)Math.Round(span.TotalMinutes)).ToString(CultureInfo.InvariantCulture);
    }
}
