using HireVet.Web.Telemetry;

namespace HireVet.UnitTests.Telemetry;

public class SqlSpanNameTests
{
    [Theory]
    [InlineData("select id from candidates where vetting_status = 'pending'", "select candidates")]
    [InlineData("\n  insert into candidate_revisions (candidate_id) select x from unnest(@Ids) as r(x)", "insert candidate_revisions")]
    [InlineData("update candidates c set x = 1 from unnest(@Ids) as v(id)", "update candidates")]
    [InlineData("delete from resume_fingerprints where candidate_id = any(@Ids);", "delete resume_fingerprints")]
    [InlineData("with due as (select id from webhook_deliveries for update skip locked) update webhook_deliveries d set a = 1", "update webhook_deliveries")]
    [InlineData("with stored as (insert into sign_in_events (a) select a from incoming_sign_ins e returning a) select count(*) from stored", "insert sign_in_events")]
    [InlineData("select mine.candidate_id from unnest(@Ids) as mine(candidate_id) cross join lateral (select 1) o join candidates c on true", "select candidates")]
    [InlineData("select c.id, exists (select 1 from decisions d where d.candidate_id = c.id) as x from candidates c join candidate_revisions r on true", "select candidates")]
    [InlineData("insert into \"hangfire\".\"job\" (\"invocationdata\") values (@a) returning \"id\"", "insert hangfire.job")]
    [InlineData("savepoint fresh_sign_ins", "savepoint")]
    [InlineData("", "sql")]
    [InlineData(null, "sql")]
    public void Names_a_statement_by_its_verb_and_first_table(string? sql, string expected) => Assert.Equal(expected, SqlSpanName.Of(sql));
}
