using System.Globalization;
using System.Numerics;

namespace HireVet.Application.ReferenceData.Sanctions;

/// <summary>
/// Screens person and company names against every SDN primary name and alias, and looks entries up by e-mail
/// address or website host. Build once (≈ a second); <see cref="Screen"/> is thread-safe and allocation-light.
/// </summary>
/// <remarks>
/// A name is compared as a set of tokens, so word order does not matter ("Kim, Sang Man" = "Sang-Man Kim").
/// Tokens are compared after folding Korean/Chinese romanisation variants (Gim = Kim, Pak = Park, Chol = Cheol),
/// a joined given name matches its parts ("Sangman" = "Sang Man"), a token of five or more letters may differ by
/// one edit (same first letter) or share a phonetic key (Hezbollah = Hizballah), except in the names of Korean- and
/// Chinese-linked individuals, where one letter is a different syllable ("Sangmin" is not "Sangman"). People's
/// names lose titles and Arabic particles; words run together are split; digits inside words read as letters;
/// Cyrillic and Hangul are also read in Latin letters. Decision 0047 has the whole list and why.
/// <para>
/// NameScore = (matched tokens of the screened name + matched tokens of the listed name) / (all tokens of both),
/// where a one-edit match counts 1 − 1/length, a phonetic one 0.9 and an initial 0.75 instead of 1, and middle
/// names or patronymics one side leaves out are not counted. Individuals need at least two matched parts, so a
/// single given name or surname never hits; an entity whose name has one distinctive word ("Lazarus Group")
/// hits only on a complete match, and one made of generic words only on its whole name. Legal forms and
/// descriptors (Co., Ltd., LLC, Trading, movement, …) are ignored on both sides when comparing with entities,
/// vessels and aircraft. <see cref="SanctionsSubject"/> decides which entry types a name may match.
/// </para>
/// </remarks>
public sealed class SanctionsIndex
{
    /// <summary>
    /// The lowest NameScore returned. 0.86 needs every token of a two- or three-token name to match (one may be a
    /// one-edit spelling or transliteration variant of a long token); middle names and patronymics one side leaves
    /// out are not counted (see Align), but a word one side adds at the end ("… AL-MOSULI") is.
    /// </summary>
    public const double MatchThreshold = 0.86;

    /// <summary>A word used in at least this many listed names is common ("mohammed", "ali", "kim", "chol").</summary>
    private const int CommonTokenNames = 40;

    private const int MaxQueryTokens = 16;
    private const double PhoneticCredit = 0.9;
    private const double InitialCredit = 0.75;

    // SurnameCount of a screened name (as opposed to -1, a listed name without OFAC's "Last, First" comma).
    private const int ScreenedName = -2;
    private const int MaxNameTokens = 64;
    private const int MinFuzzyLength = 5;
    private const int MinSyllableLength = 2;
    private const int MaxSyllableLength = 5;

    private static readonly Dictionary<string, string> CountryAliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["North Korea"] = "KP",
        ["DPRK"] = "KP",
        ["Democratic People's Republic of Korea"] = "KP",
        ["South Korea"] = "KR",
        ["Republic of Korea"] = "KR",
        ["Russian Federation"] = "RU",
        ["USA"] = "US",
        ["United States of America"] = "US",
        ["UK"] = "GB",
        ["Great Britain"] = "GB",
    };

    private readonly SdnEntry[] entries;
    private readonly IndexedName[] names;
    private readonly Dictionary<string, int> keyIds;
    private readonly string[] keyTexts;
    private readonly int[][] postings;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> syllableLookup;
    private readonly ulong[] deletionHashes;
    private readonly int[] deletionKeyIds;
    private readonly (DateOnly From, DateOnly To)[]?[] birthRanges;
    private readonly IReadOnlyDictionary<string, string> countryCodesByName;
    private readonly Dictionary<string, SdnEntry[]> byEmail;
    private readonly Dictionary<string, SdnEntry[]> byHost;

    [ThreadStatic]
    private static Scratch? threadScratch;

    private SanctionsIndex(SdnList list)
    {
        entries = [.. list.Entries];
        countryCodesByName = list.CountryCodesByName;
        syllableLookup = CollectSyllables(entries).GetAlternateLookup<ReadOnlySpan<char>>();
        keyIds = new Dictionary<string, int>(StringComparer.Ordinal);

        var keyTextList = new List<string>();
        var postingLists = new List<List<int>>();
        var nameList = new List<IndexedName>(entries.Length * 3);
        var fuzzyKeys = new HashSet<int>();
        for (var e = 0; e < entries.Length; e++)
        {
            var entry = entries[e];
            var entityLike = !entry.IsIndividual;
            var syllableAware = IsKoreanOrChinese(entry);
            var weak = new HashSet<string>(entry.WeakAliases, StringComparer.Ordinal);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (text, isPrimary) in entry.Aliases.Select(a => (a, false)).Prepend((entry.PrimaryName, true)))
            {
                var all = entityLike ? SanctionsNameText.Tokenize(text, MaxNameTokens) : [];
                var (raw, surnameCount) = entityLike ? (Significant(all), -1) : PersonTokens(text, MaxNameTokens);
                if (raw.Length == 0)
                {
                    continue;
                }

                var tokens = Array.ConvertAll(raw, SanctionsNameText.Canonical);

                // A generic company name ("Global Trading Group", "ABC LLC") matches only on its whole name, so its
                // spellings with other legal forms stay apart.
                var wholeName = entityLike && raw.All(SanctionsNameText.IsGeneric) ? WholeNameKey(all) : null;
                if (!seen.Add(wholeName ?? string.Join(' ', tokens)))
                {
                    continue;
                }

                var nameIndex = nameList.Count;
                var name = Tokenize(raw, tokens, text => Intern(text, keyTextList, postingLists), surnameCount, !entityLike, syllableAware);
                foreach (var id in name.Ids.Concat(name.AltIds.SelectMany(ids => ids)).Concat(name.PairIds).Concat(name.PhoneticIds.Where(id => id >= 0)))
                {
                    var posting = postingLists[id];
                    if (posting.Count == 0 || posting[^1] != nameIndex)
                    {
                        posting.Add(nameIndex);
                    }
                }

                for (var t = 0; t < name.Count; t++)
                {
                    if ((name.FuzzyMask & (1UL << t)) != 0)
                    {
                        fuzzyKeys.Add(name.Ids[t]);
                    }
                }

                nameList.Add(new IndexedName(e, text, isPrimary, !isPrimary && weak.Contains(text), entityLike, name, wholeName));
            }
        }

        names = [.. nameList];
        keyTexts = [.. keyTextList];
        postings = [.. postingLists.Select(p => p.ToArray())];
        (deletionHashes, deletionKeyIds) = BuildDeletionIndex(fuzzyKeys, keyTexts);
        birthRanges = Array.ConvertAll(entries, entry => ParseBirthRanges(entry.DatesOfBirth));
        byEmail = IndexBy(entries, entry => entry.Emails.Select(NormalizeEmail));
        byHost = IndexBy(entries, entry => entry.Websites.Select(NormalizeHost));
    }

    public int EntryCount => entries.Length;

    /// <summary>Primary names and aliases indexed (after dropping aliases that normalise to the same tokens).</summary>
    public int NameCount => names.Length;

    public static SanctionsIndex Build(SdnList list)
    {
        ArgumentNullException.ThrowIfNull(list);
        return new SanctionsIndex(list);
    }

    /// <summary>
    /// Candidate SDN matches for a person or company name, best first, at most one per entry.
    /// </summary>
    /// <param name="name">As the candidate wrote it, any word order; "Last, First" is fine.</param>
    /// <param name="dateOfBirth">yyyy, yyyy-MM or yyyy-MM-dd; only reported as agreement, never used to find hits.</param>
    /// <param name="country">ISO2 or country name; only reported as agreement, never used to find hits.</param>
    /// <param name="max">Most hits to return.</param>
    /// <param name="subject">Whose name it is: decides which entry types may match.</param>
    public IReadOnlyList<SanctionsHit> Screen(
        string name, string? dateOfBirth = null, string? country = null, int max = 5, SanctionsSubject subject = SanctionsSubject.Any)
    {
        if (max <= 0 || string.IsNullOrWhiteSpace(name))
        {
            return [];
        }

        var ranked = Rank(name, subject);

        // Cyrillic or Hangul is also read in Latin letters, for people the list carries only in Latin script.
        var transliterated = SanctionsNameText.Transliterate(name);
        var fromLatin = new HashSet<int>();
        if (transliterated is not null)
        {
            var seenEntries = ranked.Select(r => r.Entry).ToHashSet();
            foreach (var candidate in Rank(transliterated, subject))
            {
                if (seenEntries.Add(candidate.Entry))
                {
                    ranked.Add(candidate);
                    fromLatin.Add(candidate.Entry);
                }
            }

            ranked.Sort(CompareRanked);
        }

        if (ranked.Count == 0)
        {
            return [];
        }

        var queryBirth = BirthDates.ParseRange(dateOfBirth);
        var queryCountry = ResolveCountry(country);
        var hits = new List<SanctionsHit>(Math.Min(max, ranked.Count));
        foreach (var (entryIndex, nameIndex, alignment) in ranked.Take(max))
        {
            var shown = fromLatin.Contains(entryIndex) ? $"{name.Trim()}' (read as '{transliterated!.Trim()}')" : null;
            hits.Add(CreateHit(shown ?? name, dateOfBirth, queryBirth, queryCountry, entryIndex, names[nameIndex], alignment, shown is not null));
        }

        return hits;
    }

    private int CompareRanked((int Entry, int Name, Alignment Alignment) a, (int Entry, int Name, Alignment Alignment) b)
    {
        var byScore = b.Alignment.Score.CompareTo(a.Alignment.Score);
        if (byScore != 0)
        {
            return byScore;
        }

        var byPrimary = names[b.Name].IsPrimary.CompareTo(names[a.Name].IsPrimary);
        return byPrimary != 0 ? byPrimary : entries[a.Entry].ProfileId.CompareTo(entries[b.Entry].ProfileId);
    }

    private List<(int Entry, int Name, Alignment Alignment)> Rank(string name, SanctionsSubject subject)
    {
        var raw = SplitJoinedWords(SanctionsNameText.Tokenize(name, MaxQueryTokens));
        if (raw.Length == 0)
        {
            return [];
        }

        var full = Tokenize(raw, Array.ConvertAll(raw, SanctionsNameText.Canonical), Lookup, -1, false, false);
        var significantRaw = Significant(raw);
        var significant = significantRaw.Length == raw.Length
            ? full
            : Tokenize(significantRaw, Array.ConvertAll(significantRaw, SanctionsNameText.Canonical), Lookup, -1, false, false);
        var personRaw = PersonTokens(name, MaxQueryTokens).Tokens is var parts && parts.Length > 0 ? SplitJoinedWords(parts) : raw;
        var person = Tokenize(personRaw, Array.ConvertAll(personRaw, SanctionsNameText.Canonical), Lookup, ScreenedName, true, false);
        var wholeName = WholeNameKey(raw);
        var initials = person.Tokens.Count(token => token.Length == 1);

        var scratch = threadScratch is { } cached && ReferenceEquals(cached.Owner, this) ? cached : threadScratch = new Scratch(this);
        scratch.Begin();
        MarkCandidates(full, scratch);

        for (var k = 0; k < scratch.TouchedNameCount; k++)
        {
            var nameIndex = scratch.TouchedNames[k];
            var indexed = names[nameIndex];
            if (!Admits(subject, entries[indexed.EntryIndex]))
            {
                continue;
            }

            var query = indexed.EntityLike ? significant : person;
            var hitTokens = BitOperations.PopCount((uint)scratch.NameMask[nameIndex]);
            var listedCount = indexed.Name.Count;
            if (!indexed.EntityLike)
            {
                hitTokens += initials;
                if (hitTokens < Math.Min(2, query.Count))
                {
                    continue;
                }
            }

            // Each matched screened token covers at most two listed tokens (a joined given name); middle names may be missing.
            var upperBound = (double)(hitTokens + Math.Min(listedCount, 2 * hitTokens))
                             / Math.Max(1, query.Count + listedCount - Math.Max(
                                 BitOperations.PopCount(indexed.Name.IgnorableMask), BitOperations.PopCount(query.IgnorableMask)));
            if (upperBound < MatchThreshold)
            {
                continue;
            }

            var alignment = Align(query, indexed.Name);
            if (!IsAcceptable(alignment, indexed, query, wholeName))
            {
                continue;
            }

            scratch.Offer(indexed.EntryIndex, nameIndex, alignment, indexed.IsPrimary);
        }

        var ranked = new List<(int Entry, int Name, Alignment Alignment)>(scratch.TouchedEntryCount);
        for (var k = 0; k < scratch.TouchedEntryCount; k++)
        {
            var entryIndex = scratch.TouchedEntries[k];
            ranked.Add((entryIndex, scratch.EntryName[entryIndex], scratch.EntryAlignment[entryIndex]));
        }

        ranked.Sort(CompareRanked);
        return ranked;
    }

    // A word unknown to the list that splits into two listed words was typed run together ("ramimakhlouf").
    private string[] SplitJoinedWords(string[] raw)
    {
        List<string>? split = null;
        for (var t = 0; t < raw.Length; t++)
        {
            var token = raw[t];
            string? left = null, right = null;
            if (token.Length >= 8 && Lookup(SanctionsNameText.Canonical(token)) < 0 && token.All(char.IsLetter)
                && !SanctionsNameText.IsLegalForm(token) && !SanctionsNameText.IsGeneric(token))
            {
                for (var i = 4; i <= token.Length - 4; i++)
                {
                    var (a, b) = (token[..i], token[i..]);
                    if (Lookup(SanctionsNameText.Canonical(a)) >= 0 && Lookup(SanctionsNameText.Canonical(b)) >= 0
                        && (left is null || Math.Min(a.Length, b.Length) > Math.Min(left.Length, right!.Length)))
                    {
                        (left, right) = (a, b);
                    }
                }
            }

            if (left is not null)
            {
                split ??= [.. raw[..t]];
                split.Add(left);
                split.Add(right!);
            }
            else
            {
                split?.Add(token);
            }
        }

        return split is null ? raw : [.. split];
    }

    // A person's name without titles and Arabic particles; with OFAC's "Last, First Middle", how many words are the surname.
    private static (string[] Tokens, int SurnameCount) PersonTokens(string text, int maxTokens)
    {
        var comma = text.IndexOf(',');
        if (comma < 0)
        {
            return (WithoutFillers(SanctionsNameText.Tokenize(text, maxTokens)), -1);
        }

        var surname = WithoutFillers(SanctionsNameText.Tokenize(text[..comma], maxTokens));
        var given = WithoutFillers(SanctionsNameText.Tokenize(text[(comma + 1)..], maxTokens));
        string[] tokens = [.. surname, .. given];
        return tokens.Length <= maxTokens ? (tokens, surname.Length) : (tokens[..maxTokens], Math.Min(surname.Length, maxTokens));
    }

    private static string[] WithoutFillers(string[] raw)
    {
        var kept = Array.FindAll(raw, token => !SanctionsNameText.IsPersonFiller(token));
        return kept.Length == 0 ? raw : kept;
    }

    private static string WholeNameKey(string[] raw) =>
        string.Join(' ', raw.Select(SanctionsNameText.Canonical).Order(StringComparer.Ordinal));

    /// <summary>Entries listing this e-mail address (case-insensitive).</summary>
    public IReadOnlyList<SdnEntry> ByEmail(string email) =>
        NormalizeEmail(email) is { } key && byEmail.TryGetValue(key, out var found) ? found : [];

    /// <summary>Entries listing a website on this host; scheme, "www.", path and trailing slash are ignored.</summary>
    public IReadOnlyList<SdnEntry> ByWebsiteHost(string host) =>
        NormalizeHost(host) is { } key && byHost.TryGetValue(key, out var found) ? found : [];

    private static bool Admits(SanctionsSubject subject, SdnEntry entry) => subject switch
    {
        SanctionsSubject.Person => entry.IsIndividual,
        SanctionsSubject.Organisation => entry.Type == "entity",
        SanctionsSubject.PersonOrOrganisation => entry.IsIndividual || entry.Type == "entity",
        _ => true,
    };

    private int Intern(string text, List<string> keyTextList, List<List<int>> postingLists)
    {
        if (!keyIds.TryGetValue(text, out var id))
        {
            id = keyTextList.Count;
            keyIds.Add(text, id);
            keyTextList.Add(text);
            postingLists.Add([]);
        }

        return id;
    }

    private int Lookup(string text) => keyIds.TryGetValue(text, out var id) ? id : -1;

    // syllableAware: the name is a Korean or Chinese one, whose short tokens are syllables: no spelling-blind matching.
    private TokenizedName Tokenize(string[] raw, string[] tokens, Func<string, int> keyOf, int surnameCount, bool individual, bool syllableAware)
    {
        var ids = new int[tokens.Length];
        var altIds = new int[tokens.Length][];
        var pairIds = new int[Math.Max(0, tokens.Length - 1)];
        var phoneticIds = new int[tokens.Length];
        ulong fuzzyMask = 0;
        ulong ignorableMask = 0;
        for (var t = 0; t < tokens.Length; t++)
        {
            ids[t] = keyOf(tokens[t]);
            var joined = SyllableReadings(tokens[t]);
            var readings = joined;
            if (CollapseDoubles(tokens[t]) is { } single)
            {
                // Doubled letters once: Mohammad = Mohamad, Hassan = Hasan, "Jong-uun" = Jong-un.
                readings = [.. joined, single];
            }

            altIds[t] = readings.Count == 0 ? [] : [.. readings.Select(keyOf).Where(id => id >= 0 && id != ids[t]).Distinct()];
            var syllable = joined.Count > 0 || syllableLookup.Contains(tokens[t]);
            var blind = !syllableAware || !syllable;
            phoneticIds[t] = blind && SanctionsNameText.PhoneticKey(tokens[t]) is { } phonetic ? keyOf(phonetic) : -1;
            if (tokens[t].Length >= MinFuzzyLength && (!syllableAware || joined.Count == 0) && !tokens[t].Any(char.IsDigit))
            {
                fuzzyMask |= 1UL << t;
            }

            // Given names, middle names and patronymics a form may leave out: not the surname (or, when the surname
            // is unknown, not the first or last word), and long enough not to be one syllable of a Korean or
            // Chinese given name.
            var middle = surnameCount > 0 ? t >= surnameCount : t > 0 && t < tokens.Length - 1;
            // (A screened name's extra middle word may be shorter: "Bashar xal-Assad".)
            if (individual && t < 64 && middle && tokens.Length >= 3 && tokens[t].Length >= (surnameCount == ScreenedName ? 3 : 4) && !syllable)
            {
                ignorableMask |= 1UL << t;
            }

            if (t > 0)
            {
                pairIds[t - 1] = keyOf(tokens[t - 1] + tokens[t]);
            }
        }

        return new TokenizedName(tokens, raw, ids, altIds, pairIds, fuzzyMask)
        {
            PhoneticIds = phoneticIds,
            IgnorableMask = ignorableMask,
            SurnameCount = surnameCount,
            PhoneticConsonants = tokens.Length > 0 && SanctionsNameText.PhoneticKey(tokens[0]) is { } first ? SanctionsNameText.PhoneticConsonants(first) : 0,
        };
    }

    private static string? CollapseDoubles(string token)
    {
        var first = 1;
        while (first < token.Length && token[first] != token[first - 1])
        {
            first++;
        }

        if (token.Length < 3 || first == token.Length)
        {
            return null;
        }

        Span<char> buffer = stackalloc char[token.Length];
        token.AsSpan(0, first).CopyTo(buffer);
        var length = first;
        for (var i = first; i < token.Length; i++)
        {
            if (token[i] != buffer[length - 1])
            {
                buffer[length++] = token[i];
            }
        }

        return new string(buffer[..length]);
    }

    // A token that splits into two or three known Korean/Chinese syllables ("sangman", "youngcheol") is a joined
    // given name; its readings are the canonical syllables joined ("sangman", "yongchol").
    private List<string> SyllableReadings(string token)
    {
        var readings = new List<string>(0);
        var span = token.AsSpan();
        if (span.Length < 2 * MinSyllableLength)
        {
            return readings;
        }

        for (var i = MinSyllableLength; i <= span.Length - MinSyllableLength && i <= MaxSyllableLength; i++)
        {
            if (!syllableLookup.Contains(span[..i]))
            {
                continue;
            }

            var first = CanonicalSyllable(span[..i]);
            var rest = span[i..];
            if (rest.Length <= MaxSyllableLength && syllableLookup.Contains(rest))
            {
                AddDistinct(readings, first + CanonicalSyllable(rest));
            }

            for (var j = MinSyllableLength; j <= rest.Length - MinSyllableLength && j <= MaxSyllableLength; j++)
            {
                if (rest.Length - j <= MaxSyllableLength && syllableLookup.Contains(rest[..j]) && syllableLookup.Contains(rest[j..]))
                {
                    AddDistinct(readings, first + CanonicalSyllable(rest[..j]) + CanonicalSyllable(rest[j..]));
                }
            }
        }

        return readings;
    }

    private static string CanonicalSyllable(ReadOnlySpan<char> syllable) =>
        SanctionsNameText.CanonicalLookup.TryGetValue(syllable, out var canonical) ? canonical : syllable.ToString();

    private void MarkCandidates(TokenizedName query, Scratch scratch)
    {
        Span<char> buffer = stackalloc char[64];
        for (var t = 0; t < query.Count; t++)
        {
            var bit = 1 << t;
            scratch.Mark(postings, query.Ids[t], bit);
            foreach (var alt in query.AltIds[t])
            {
                scratch.Mark(postings, alt, bit);
            }

            if (t > 0)
            {
                scratch.Mark(postings, query.PairIds[t - 1], bit | (bit >> 1));
            }

            scratch.Mark(postings, query.PhoneticIds[t], bit);
            if ((query.FuzzyMask & (1UL << t)) != 0 && query.Tokens[t].Length < buffer.Length)
            {
                MarkOneEditNeighbours(query.Tokens[t], bit, scratch, buffer);
            }
        }
    }

    // Finds listed tokens one edit away through shared single-character deletions (SymSpell), then confirms.
    private void MarkOneEditNeighbours(string token, int bit, Scratch scratch, Span<char> buffer)
    {
        for (var skip = -1; skip < token.Length; skip++)
        {
            var length = 0;
            for (var c = 0; c < token.Length; c++)
            {
                if (c != skip)
                {
                    buffer[length++] = token[c];
                }
            }

            var hash = Fnv1a(buffer[..length]);
            var at = Array.BinarySearch(deletionHashes, hash);
            if (at < 0)
            {
                continue;
            }

            while (at > 0 && deletionHashes[at - 1] == hash)
            {
                at--;
            }

            for (; at < deletionHashes.Length && deletionHashes[at] == hash; at++)
            {
                var keyId = deletionKeyIds[at];
                if (OneEditSimilarity(token, keyTexts[keyId]) > 0)
                {
                    scratch.Mark(postings, keyId, bit);
                }
            }
        }
    }

    private static bool IsAcceptable(Alignment alignment, IndexedName indexed, TokenizedName query, string wholeName)
    {
        if (alignment.Score < MatchThreshold)
        {
            return false;
        }

        if (!indexed.EntityLike)
        {
            return alignment.Units >= 2;
        }

        if (indexed.WholeNameKey is { } whole && whole != wholeName)
        {
            return false;
        }

        // A one-word entity name ("Lazarus", "Sinbad") only on a complete match of both sides, and a transliteration
        // variant of it only with four consonants or more (Hezbollah ~ HIZBALLAH, not KOMID ~ Chimmed).
        return indexed.Name.Count > 1
               || (alignment.QueryUsed == AllBits(query.Count) && alignment.ListedUsed == AllBits(1)
                   && (!alignment.Phonetic || indexed.Name.PhoneticConsonants >= 4));
    }

    private static ulong AllBits(int count) => count >= 64 ? ulong.MaxValue : (1UL << count) - 1;

    /// <summary>Greedy token alignment: exact (canonical) tokens, then joined given names, then one-edit spellings.</summary>
    private static Alignment Align(TokenizedName query, TokenizedName listed)
    {
        var result = default(Alignment);
        var m = query.Count;
        var n = listed.Count;
        double covered = 0;

        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if ((result.ListedUsed & (1UL << j)) == 0 && SameToken(query, i, listed, j))
                {
                    result.QueryUsed |= 1UL << i;
                    result.ListedUsed |= 1UL << j;
                    result.Units++;
                    result.Variant |= query.Raw[i] != listed.Raw[j];
                    covered += 2;
                    break;
                }
            }
        }

        // One screened token against two adjacent listed tokens ("Sangman" ~ "Sang Man").
        for (var i = 0; i < m; i++)
        {
            if ((result.QueryUsed & (1UL << i)) != 0)
            {
                continue;
            }

            for (var j = 0; j + 1 < n; j++)
            {
                var pairBits = 3UL << j;
                if ((result.ListedUsed & pairBits) == 0 && HasKey(query, i, listed.PairIds[j]))
                {
                    result.QueryUsed |= 1UL << i;
                    result.ListedUsed |= pairBits;
                    result.Units += 2;
                    result.Joined = true;
                    result.Variant |= !IsJoin(query.Raw[i], listed.Raw[j], listed.Raw[j + 1]);
                    covered += 3;
                    break;
                }
            }
        }

        // Two adjacent screened tokens against one listed token ("Sang Man" ~ "Sangman").
        for (var i = 0; i + 1 < m; i++)
        {
            var pairBits = 3UL << i;
            if ((result.QueryUsed & pairBits) != 0)
            {
                continue;
            }

            for (var j = 0; j < n; j++)
            {
                if ((result.ListedUsed & (1UL << j)) == 0 && HasKey(listed, j, query.PairIds[i]))
                {
                    result.QueryUsed |= pairBits;
                    result.ListedUsed |= 1UL << j;
                    result.Units += 2;
                    result.Joined = true;
                    result.Variant |= !IsJoin(listed.Raw[j], query.Raw[i], query.Raw[i + 1]);
                    covered += 3;
                    break;
                }
            }
        }

        for (var i = 0; i < m; i++)
        {
            if ((result.QueryUsed & (1UL << i)) != 0 || (query.FuzzyMask & (1UL << i)) == 0)
            {
                continue;
            }

            var best = -1;
            var bestSimilarity = 0.0;
            for (var j = 0; j < n; j++)
            {
                if ((result.ListedUsed & (1UL << j)) == 0 && (listed.FuzzyMask & (1UL << j)) != 0)
                {
                    var similarity = OneEditSimilarity(query.Tokens[i], listed.Tokens[j]);
                    if (similarity > bestSimilarity)
                    {
                        best = j;
                        bestSimilarity = similarity;
                    }
                }
            }

            if (best >= 0)
            {
                result.QueryUsed |= 1UL << i;
                result.ListedUsed |= 1UL << best;
                result.Units++;
                result.Fuzzy = true;
                covered += 2 * bestSimilarity;
            }
        }

        // Transliteration variants with the same phonetic key (Hezbollah ~ Hizballah), credited 0.9.
        for (var i = 0; i < m; i++)
        {
            if ((result.QueryUsed & (1UL << i)) != 0 || query.PhoneticIds[i] < 0)
            {
                continue;
            }

            for (var j = 0; j < n; j++)
            {
                if ((result.ListedUsed & (1UL << j)) == 0 && listed.PhoneticIds[j] == query.PhoneticIds[i])
                {
                    result.QueryUsed |= 1UL << i;
                    result.ListedUsed |= 1UL << j;
                    result.Units++;
                    result.Phonetic = true;
                    covered += 2 * PhoneticCredit;
                    break;
                }
            }
        }

        // An initial stands for a given name that starts with it ("V. Putin"), credited 0.75.
        for (var i = 0; i < m; i++)
        {
            if ((result.QueryUsed & (1UL << i)) != 0 || query.Tokens[i].Length != 1 || !char.IsLetter(query.Tokens[i][0]))
            {
                continue;
            }

            for (var j = Math.Max(0, listed.SurnameCount); j < n; j++)
            {
                if ((result.ListedUsed & (1UL << j)) == 0 && listed.Tokens[j].Length > 1 && listed.Tokens[j][0] == query.Tokens[i][0])
                {
                    result.QueryUsed |= 1UL << i;
                    result.ListedUsed |= 1UL << j;
                    result.Units++;
                    result.Initial = true;
                    covered += 2 * InitialCredit;
                    break;
                }
            }
        }

        // Middle names and patronymics one side leaves out do not count against it, once every word of the shorter
        // name agrees, the surname among them, and the agreeing words outnumber the missing ones ("Ramzan Kadyrov" is
        // KADYROV, Ramzan Akhmatovich; "Saif al-Din al-Rawi" is not "AL-RAWI, Saif-al-Din Fulayyih Hassan Taha").
        var omitted = 0;
        var surnameMask = listed.SurnameCount > 0 ? AllBits(listed.SurnameCount) : ulong.MaxValue;
        var listedMissing = listed.IgnorableMask & ~result.ListedUsed;
        var queryMissing = query.IgnorableMask & ~result.QueryUsed;
        if (listedMissing != 0 && result.QueryUsed == AllBits(m) && (result.ListedUsed & surnameMask) != 0
            && BitOperations.PopCount(result.ListedUsed) > BitOperations.PopCount(listedMissing))
        {
            omitted = BitOperations.PopCount(listedMissing);
        }
        else if (queryMissing != 0 && result.ListedUsed == AllBits(n) && n >= 2
                 && BitOperations.PopCount(result.QueryUsed) > BitOperations.PopCount(queryMissing))
        {
            omitted = BitOperations.PopCount(queryMissing);
        }

        result.MiddleOmitted = omitted > 0;

        // A word the screened name repeats ("Sergey Sergey Shoigu") is not a word the listed name lacks.
        for (var i = 0; i < m; i++)
        {
            if ((result.QueryUsed & (1UL << i)) == 0 && IsRepeat(query, i, result.QueryUsed))
            {
                omitted++;
            }
        }

        result.Score = Math.Min(1.0, covered / (m + n - omitted));
        return result;
    }

    private static bool IsRepeat(TokenizedName query, int i, ulong used)
    {
        for (var k = 0; k < query.Count; k++)
        {
            if (k != i && (used & (1UL << k)) != 0 && query.Tokens[k] == query.Tokens[i])
            {
                return true;
            }
        }

        return false;
    }

    private static bool SameToken(TokenizedName a, int i, TokenizedName b, int j)
    {
        if (a.Ids[i] >= 0 && HasKey(b, j, a.Ids[i]))
        {
            return true;
        }

        foreach (var alt in a.AltIds[i])
        {
            if (HasKey(b, j, alt))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsJoin(string joined, string first, string second) =>
        joined.Length == first.Length + second.Length && joined.StartsWith(first, StringComparison.Ordinal)
        && joined.EndsWith(second, StringComparison.Ordinal);

    private static bool HasKey(TokenizedName name, int t, int keyId) =>
        keyId >= 0 && (name.Ids[t] == keyId || Array.IndexOf(name.AltIds[t], keyId) >= 0);

    /// <summary>1 − 1/length when the tokens are exactly one insertion, deletion, substitution or swap apart; else 0.</summary>
    private static double OneEditSimilarity(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1 || Math.Min(a.Length, b.Length) < MinFuzzyLength - 1 || a == b || a[0] != b[0])
        {
            return 0;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        var x = a.AsSpan();
        var y = b.AsSpan();
        var oneEdit = a.Length == b.Length
            ? x[(i + 1)..].SequenceEqual(y[(i + 1)..])
              || (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && x[(i + 2)..].SequenceEqual(y[(i + 2)..]))
            : a.Length > b.Length
                ? x[(i + 1)..].SequenceEqual(y[i..])
                : x[i..].SequenceEqual(y[(i + 1)..]);
        return oneEdit ? 1.0 - 1.0 / Math.Max(a.Length, b.Length) : 0;
    }

    private SanctionsHit CreateHit(
        string queryName,
        string? dateOfBirth,
        (DateOnly From, DateOnly To)? queryBirth,
        (string? Text, string? Code) queryCountry,
        int entryIndex,
        IndexedName matched,
        Alignment alignment,
        bool transliterated = false)
    {
        var entry = entries[entryIndex];
        var score = Math.Round(alignment.Score, 4);
        var kind = matched.IsPrimary ? "primary name" : matched.IsWeak ? "weak alias" : "alias";
        var how = new List<string>(3) { score.ToString("0.00", CultureInfo.InvariantCulture) };
        if (alignment.Variant)
        {
            how.Add("romanisation variant");
        }

        if (alignment.Joined)
        {
            how.Add("joined/split given name");
        }

        if (alignment.Fuzzy)
        {
            how.Add("one-letter spelling difference");
        }

        if (alignment.Phonetic)
        {
            how.Add("transliteration variant");
        }

        if (alignment.Initial)
        {
            how.Add("initial for a given name");
        }

        if (alignment.MiddleOmitted)
        {
            how.Add("middle name or patronymic not given");
        }

        if (transliterated)
        {
            how.Add("read from another script");
        }

        var commonName = IsCommonName(matched.Name, alignment);
        var reasons = new List<string>
        {
            $"Name '{queryName.Trim()}' matches {kind} '{matched.Text}' (score {string.Join(", ", how)})",
            $"SDN entry {entry.ProfileId}, {entry.Type}",
        };
        if (commonName)
        {
            reasons.Add("Every matched word of the listed name is common on the list; on the name alone this may well be a namesake");
        }

        if (matched.IsWeak)
        {
            reasons.Add("OFAC marks this alias as weak (low quality); a match on it alone is weak evidence");
        }

        var birthAgreement = SanctionsHit.Unknown;
        var listedBirths = birthRanges[entryIndex];
        if (!string.IsNullOrWhiteSpace(dateOfBirth) && queryBirth is null)
        {
            reasons.Add($"Date of birth '{dateOfBirth}' not understood (use yyyy, yyyy-MM or yyyy-MM-dd)");
        }
        else if (queryBirth is { } birth && listedBirths is not null)
        {
            var agreeing = entry.DatesOfBirth.Where((_, k) => BirthDates.Overlap(listedBirths[k], birth)).ToArray();
            birthAgreement = agreeing.Length > 0 ? SanctionsHit.Match : SanctionsHit.Mismatch;
            reasons.Add(agreeing.Length > 0
                ? $"Date of birth {dateOfBirth} agrees (listed {string.Join(", ", agreeing)})"
                : $"Date of birth {dateOfBirth} does not agree (listed {string.Join(", ", entry.DatesOfBirth)})");
        }
        else if (queryBirth is not null)
        {
            reasons.Add("No date of birth listed to compare");
        }

        var countryAgreement = SanctionsHit.Unknown;
        if (queryCountry.Text is { } countryText && entry.Countries.Length > 0)
        {
            var listed = string.Join("; ", entry.Countries);
            var agrees = entry.Countries.Contains(countryText, StringComparer.OrdinalIgnoreCase)
                         || (queryCountry.Code is { } code && entry.CountryCodes.Contains(code, StringComparer.Ordinal));
            if (agrees || queryCountry.Code is not null)
            {
                countryAgreement = agrees ? SanctionsHit.Match : SanctionsHit.Mismatch;
                reasons.Add(agrees
                    ? $"Country {countryText} agrees (listed {listed})"
                    : $"Country {countryText} is not among the listed countries ({listed})");
            }
            else
            {
                reasons.Add($"Country '{countryText}' not recognised (listed {listed})");
            }
        }

        var dprk = entry.Programs.Where(SdnEntry.DprkPrograms.Contains).ToArray();
        var other = entry.Programs.Where(p => !SdnEntry.DprkPrograms.Contains(p)).ToArray();
        if (dprk.Length > 0)
        {
            reasons.Add($"DPRK programme: {string.Join(", ", dprk)}");
        }

        if (other.Length > 0)
        {
            reasons.Add($"{(dprk.Length > 0 ? "Other programmes" : "Programmes")}: {string.Join(", ", other)}");
        }

        if (dprk.Length == 0 && entry.CountryCodes.Contains("KP"))
        {
            reasons.Add("Listed with a North Korea (Korea, North) nationality, citizenship or address");
        }

        return new SanctionsHit
        {
            Entry = entry,
            MatchedName = matched.Text,
            NameScore = score,
            DateOfBirthAgreement = birthAgreement,
            CountryAgreement = countryAgreement,
            CommonName = commonName,
            Reasons = reasons,
        };
    }

    private bool IsCommonName(TokenizedName listed, Alignment alignment)
    {
        for (var t = 0; t < listed.Count; t++)
        {
            if ((alignment.ListedUsed & (1UL << t)) != 0 && (listed.Ids[t] < 0 || postings[listed.Ids[t]].Length < CommonTokenNames))
            {
                return false;
            }
        }

        return alignment.ListedUsed != 0;
    }

    // ISO2 code, OFAC country name or a common alias → ISO2; Code stays null for names OFAC's table lacks.
    private (string? Text, string? Code) ResolveCountry(string? country)
    {
        var text = country?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return (null, null);
        }

        if (text.Length == 2 && char.IsAsciiLetter(text[0]) && char.IsAsciiLetter(text[1]))
        {
            return (text, text.ToUpperInvariant());
        }

        return countryCodesByName.TryGetValue(text, out var code) || CountryAliases.TryGetValue(text, out code)
            ? (text, code)
            : (text, null);
    }

    private static (DateOnly From, DateOnly To)[]? ParseBirthRanges(string[] datesOfBirth)
    {
        if (datesOfBirth.Length == 0)
        {
            return null;
        }

        // Unreadable values become an empty range so indexes stay aligned with DatesOfBirth.
        return Array.ConvertAll(datesOfBirth, text => BirthDates.ParseRange(text) ?? (DateOnly.MaxValue, DateOnly.MinValue));
    }

    private static string[] Significant(string[] raw)
    {
        var kept = Array.FindAll(raw, token => !SanctionsNameText.IsLegalForm(token));
        return kept.Length == 0 ? raw : kept;
    }

    private static HashSet<string> CollectSyllables(SdnEntry[] entries)
    {
        // Short tokens from the names of DPRK-, Korea- and China-linked individuals, plus every variant spelling.
        var found = new HashSet<string>(SanctionsNameText.VariantSpellings, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!IsKoreanOrChinese(entry))
            {
                continue;
            }

            foreach (var text in entry.Aliases.Prepend(entry.PrimaryName))
            {
                foreach (var token in SanctionsNameText.Tokenize(text, int.MaxValue))
                {
                    if (token.Length is >= MinSyllableLength and <= MaxSyllableLength && token.All(char.IsAsciiLetter))
                    {
                        found.Add(token);
                    }
                }
            }
        }

        return found;
    }

    private static bool IsKoreanOrChinese(SdnEntry entry) =>
        entry.IsIndividual && (entry.IsDprkProgram || entry.CountryCodes.Any(c => c is "KP" or "KR" or "CN"));

    private static (ulong[] Hashes, int[] KeyIds) BuildDeletionIndex(HashSet<int> fuzzyKeys, string[] keyTexts)
    {
        var pairs = new List<(ulong Hash, int KeyId)>();
        Span<char> buffer = stackalloc char[128];
        foreach (var keyId in fuzzyKeys)
        {
            var text = keyTexts[keyId];
            if (text.Length >= buffer.Length)
            {
                continue;
            }

            for (var skip = -1; skip < text.Length; skip++)
            {
                var length = 0;
                for (var c = 0; c < text.Length; c++)
                {
                    if (c != skip)
                    {
                        buffer[length++] = text[c];
                    }
                }

                pairs.Add((Fnv1a(buffer[..length]), keyId));
            }
        }

        pairs.Sort((a, b) => a.Hash.CompareTo(b.Hash));
        return ([.. pairs.Select(p => p.Hash)], [.. pairs.Select(p => p.KeyId)]);
    }

    private static ulong Fnv1a(ReadOnlySpan<char> text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 1099511628211UL;
        }

        return hash;
    }

    private static Dictionary<string, SdnEntry[]> IndexBy(SdnEntry[] entries, Func<SdnEntry, IEnumerable<string?>> keys) =>
        entries
            .SelectMany(entry => keys(entry).OfType<string>().Distinct().Select(key => (Key: key, Entry: entry)))
            .GroupBy(pair => pair.Key, StringComparer.Ordinal)
            .ToDictionary(group => group.Key, group => group.Select(pair => pair.Entry).ToArray(), StringComparer.Ordinal);

    private static string? NormalizeEmail(string email)
    {
        var key = email.Trim().ToLowerInvariant();
        return key.Length == 0 ? null : key;
    }

    internal static string? NormalizeHost(string website)
    {
        var text = website.Trim().ToLowerInvariant();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 3)..];
        }

        var end = text.IndexOfAny(['/', '?', '#']);
        if (end >= 0)
        {
            text = text[..end];
        }

        var at = text.LastIndexOf('@');
        if (at >= 0)
        {
            text = text[(at + 1)..];
        }

        var port = text.LastIndexOf(':');
        if (port >= 0)
        {
            text = text[..port];
        }

        text = text.TrimEnd('.');
        if (text.StartsWith("www.", StringComparison.Ordinal))
        {
            text = text[4..];
        }

        return text.Length == 0 ? null : text;
    }

    private static void AddDistinct(List<string> list, string value)
    {
        if (!list.Contains(value))
        {
            list.Add(value);
        }
    }

    private sealed record TokenizedName(string[] Tokens, string[] Raw, int[] Ids, int[][] AltIds, int[] PairIds, ulong FuzzyMask)
    {
        public int Count => Tokens.Length;

        /// <summary>Key of each token's consonant skeleton (<see cref="SanctionsNameText.PhoneticKey"/>), or -1.</summary>
        public required int[] PhoneticIds { get; init; }

        /// <summary>Middle names and patronymics that may be missing from a screened name.</summary>
        public required ulong IgnorableMask { get; init; }

        /// <summary>How many leading tokens are the surname (OFAC's "Last, First"); -1 when unknown.</summary>
        public required int SurnameCount { get; init; }

        /// <summary>Consonants in the first token's phonetic key (for one-word names).</summary>
        public int PhoneticConsonants { get; init; }
    }

    // WholeNameKey: for a generic company name, its whole name with legal form, the only thing it matches.
    private sealed record IndexedName(int EntryIndex, string Text, bool IsPrimary, bool IsWeak, bool EntityLike, TokenizedName Name, string? WholeNameKey);

    private struct Alignment
    {
        public double Score;
        public int Units;
        public ulong QueryUsed;
        public ulong ListedUsed;
        public bool Variant;
        public bool Joined;
        public bool Fuzzy;
        public bool Phonetic;
        public bool MiddleOmitted;
        public bool Initial;
    }

    /// <summary>Per-thread work arrays, stamped per query so they never need clearing.</summary>
    private sealed class Scratch(SanctionsIndex owner)
    {
        private readonly int[] nameStamp = new int[owner.names.Length];
        private readonly int[] entryStamp = new int[owner.entries.Length];
        private int stamp;

        public SanctionsIndex Owner { get; } = owner;
        public int[] NameMask { get; } = new int[owner.names.Length];
        public int[] TouchedNames { get; private set; } = new int[256];
        public int TouchedNameCount { get; private set; }
        public int[] EntryName { get; } = new int[owner.entries.Length];
        public Alignment[] EntryAlignment { get; } = new Alignment[owner.entries.Length];
        public int[] TouchedEntries { get; private set; } = new int[16];
        public int TouchedEntryCount { get; private set; }

        public void Begin()
        {
            if (++stamp == int.MaxValue)
            {
                Array.Clear(nameStamp);
                Array.Clear(entryStamp);
                stamp = 1;
            }

            TouchedNameCount = 0;
            TouchedEntryCount = 0;
        }

        public void Mark(int[][] postings, int keyId, int bits)
        {
            if (keyId < 0)
            {
                return;
            }

            foreach (var nameIndex in postings[keyId])
            {
                if (nameStamp[nameIndex] != stamp)
                {
                    nameStamp[nameIndex] = stamp;
                    NameMask[nameIndex] = 0;
                    if (TouchedNameCount == TouchedNames.Length)
                    {
                        TouchedNames = Grow(TouchedNames);
                    }

                    TouchedNames[TouchedNameCount++] = nameIndex;
                }

                NameMask[nameIndex] |= bits;
            }
        }

        public void Offer(int entryIndex, int nameIndex, Alignment alignment, bool isPrimary)
        {
            if (entryStamp[entryIndex] != stamp)
            {
                entryStamp[entryIndex] = stamp;
                if (TouchedEntryCount == TouchedEntries.Length)
                {
                    TouchedEntries = Grow(TouchedEntries);
                }

                TouchedEntries[TouchedEntryCount++] = entryIndex;
            }
            else
            {
                var current = EntryAlignment[entryIndex].Score;
                if (alignment.Score < current || (alignment.Score == current && !isPrimary))
                {
                    return;
                }
            }

            EntryName[entryIndex] = nameIndex;
            EntryAlignment[entryIndex] = alignment;
        }

        private static int[] Grow(int[] array)
        {
            var grown = new int[array.Length * 2];
            array.CopyTo(grown, 0);
            return grown;
        }
    }
}
