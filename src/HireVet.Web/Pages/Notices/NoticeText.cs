namespace HireVet.Web.Pages.Notices;

/// <summary>Words for notice kinds, channels and states on the pages.</summary>
public static class NoticeText
{
    public static string Kind(string? kind) => kind switch
    {
        "pre_adverse_action" => "Pre-adverse action notice",
        "adverse_action" => "Adverse action notice",
        "information_request" => "Request for information",
        "policy_violation" => "Remote-work policy letter",
        _ => Display.Words(kind),
    };

    public static string State(string state) => state switch
    {
        "to_send" => "Letter to send",
        "waiting" => "Waiting period running",
        "ready_to_finalise" => "Ready to finalise",
        "overdue" => "No answer by the deadline",
        "responded" => "Responded",
        "finalised" => "Rejection final",
        "final_sent" => "Final letter sent",
        "resent" => "Sent again later",
        "closed" => "Closed",
        _ => Display.Words(state),
    };

    /// <summary>What a notice's deadline means, by kind.</summary>
    public static string DeadlineLabel(string kind) => kind switch
    {
        "pre_adverse_action" => "Waiting period ends",
        "adverse_action" => "Free report copy window ends",
        "policy_violation" => "Facts may be disputed until",
        _ => "Answer requested by",
    };

    /// <summary>An adverse action notice with no agency configured states no deadline: it is stored as the sending.</summary>
    public static bool HasDeadline(string kind, DateTimeOffset sentAt, DateTimeOffset respondBy) => kind != "adverse_action" || respondBy > sentAt;

    public static string Channel(string? channel) => channel switch
    {
        "email" => "E-mail",
        "post" => "Post",
        "portal" => "Candidate portal",
        "phone" => "Phone",
        null => "",
        _ => Display.Words(channel),
    };
}
