using System.Text.Json.Nodes;
using Google.Protobuf.Reflection;

namespace ScoringGrid.Server.Rest;

/// <summary>
/// The OpenAPI 3.1 description of the REST API (<c>GET /v1/openapi.json</c>): what reflection is to
/// gRPC clients, for web developers' tools (Swagger UI, client generators). The schemas are written
/// from the same message descriptors the JSON parser and formatter use, so they cannot drift from
/// what the server accepts and answers.
/// </summary>
internal static class OpenApiDocument
{
    public const string Path = "/v1/openapi.json";

    public static string Create()
    {
        var schemas = new JsonObject();
        foreach (var message in new[]
        {
            V1.EvaluateRequest.Descriptor, V1.EvaluateResponse.Descriptor, V1.EvaluateBatchRequest.Descriptor,
            V1.EvaluateBatchResponse.Descriptor, V1.ListRuleSetsResponse.Descriptor, V1.RuleSet.Descriptor,
        })
        {
            AddSchema(message, schemas);
        }

        schemas["ErrorBody"] = new JsonObject
        {
            ["type"] = "object",
            ["description"] = "Every refusal: the gRPC status name as code, the field at fault (empty when none), and why.",
            ["properties"] = new JsonObject { ["error"] = Ref(V1.Error.Descriptor) },
            ["required"] = new JsonArray("error"),
        };
        AddSchema(V1.Error.Descriptor, schemas);

        var document = new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "ScoringGrid REST API",
                ["version"] = "v1",
                ["description"] = "The proto3 JSON forms of the scoringgrid.v1 messages that the gRPC service takes and answers. "
                    + "Fields are written with their proto names (snake_case); the lowerCamelCase JSON names are accepted too.",
            },
            ["paths"] = new JsonObject
            {
                ["/v1/evaluate"] = Post(
                    "Score one application",
                    new JsonObject { ["oneOf"] = new JsonArray(Ref(V1.EvaluateRequest.Descriptor), Ref(V1.Application.Descriptor)) },
                    V1.EvaluateResponse.Descriptor,
                    "An EvaluateRequest, or a bare application document. A bad application is refused with its error."),
                ["/v1/evaluate:batch"] = Post(
                    "Score many applications, each on its own",
                    Ref(V1.EvaluateBatchRequest.Descriptor),
                    V1.EvaluateBatchResponse.Descriptor,
                    "A bad application gets its error in its response; the others are scored. One rate-limit token per application."),
                ["/v1/rulesets"] = Get("The rule sets the key's tenant may use", V1.ListRuleSetsResponse.Descriptor, parameter: null),
                ["/v1/rulesets/{rule_set}"] = Get("A rule set's rules, to render the programme", V1.RuleSet.Descriptor, new JsonObject
                {
                    ["name"] = "rule_set",
                    ["in"] = "path",
                    ["required"] = true,
                    ["description"] = "\"id\" (the newest version) or \"id@version\"",
                    ["schema"] = new JsonObject { ["type"] = "string" },
                }),
            },
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["securitySchemes"] = new JsonObject
                {
                    ["apiKey"] = new JsonObject
                    {
                        ["type"] = "http",
                        ["scheme"] = "bearer",
                        ["description"] = "The portal's API key, when the server has keys configured (ScoringGrid:Security:ApiKeys).",
                    },
                },
            },
            ["security"] = new JsonArray(new JsonObject { ["apiKey"] = new JsonArray() }),
        };
        return document.ToJsonString();
    }

    private static JsonObject Post(string summary, JsonNode requestSchema, MessageDescriptor response, string description) => new()
    {
        ["post"] = new JsonObject
        {
            ["summary"] = summary,
            ["description"] = description,
            ["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = requestSchema } },
            },
            ["responses"] = Responses(response, ("400", "Not the message, or an invalid application (the field is named)"),
                ("404", "Unknown rule set"), ("413", "Body over 4 MiB (unpacked)"), ("415", "Not application/json, or an encoding other than gzip")),
        },
    };

    private static JsonObject Get(string summary, MessageDescriptor response, JsonObject? parameter)
    {
        var operation = new JsonObject
        {
            ["summary"] = summary,
            ["description"] = "Tagged with a weak ETag from the rule sets' digests: send it back in If-None-Match for a 304 until a reload changes it.",
            ["responses"] = Responses(response, ("304", "Not modified since the tag in If-None-Match"), ("404", "Unknown rule set")),
        };
        if (parameter is not null)
        {
            operation["parameters"] = new JsonArray(parameter);
        }

        return new JsonObject { ["get"] = operation };
    }

    private static JsonObject Responses(MessageDescriptor ok, params (string Status, string Description)[] more)
    {
        var responses = new JsonObject
        {
            ["200"] = new JsonObject
            {
                ["description"] = ok.Name,
                ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = Ref(ok) } },
            },
        };
        foreach (var (status, description) in more)
        {
            responses[status] = status == "304" ? new JsonObject { ["description"] = description } : Error(description);
        }

        responses["401"] = Error("No API key, or an unknown one");
        responses["403"] = Error("The key lacks the score scope, or the rule set belongs to another tenant");
        responses["429"] = Error("Over the key's rate limit; Retry-After says when to come back");
        return responses;
    }

    private static JsonObject Error(string description) => new()
    {
        ["description"] = description,
        ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = "#/components/schemas/ErrorBody" } } },
    };

    private static JsonObject Ref(MessageDescriptor message) => new() { ["$ref"] = $"#/components/schemas/{message.FullName}" };

    // A message's schema, and those of the messages it holds.
    private static void AddSchema(MessageDescriptor message, JsonObject schemas)
    {
        if (schemas.ContainsKey(message.FullName) || WellKnown(message) is not null)
        {
            return;
        }

        var properties = new JsonObject();
        schemas[message.FullName] = new JsonObject
        {
            ["type"] = "object",
            ["properties"] = properties,
            // The server's parser refuses fields it does not know.
            ["additionalProperties"] = false,
        };
        foreach (var field in message.Fields.InFieldNumberOrder())
        {
            properties[field.Name] = FieldSchema(field, schemas);
        }
    }

    private static JsonNode FieldSchema(FieldDescriptor field, JsonObject schemas)
    {
        if (field.IsMap)
        {
            return new JsonObject { ["type"] = "object", ["additionalProperties"] = ValueSchema(field.MessageType.FindFieldByNumber(2), schemas) };
        }

        var value = ValueSchema(field, schemas);
        return field.IsRepeated ? new JsonObject { ["type"] = "array", ["items"] = value } : value;
    }

    private static JsonNode ValueSchema(FieldDescriptor field, JsonObject schemas)
    {
        switch (field.FieldType)
        {
            case FieldType.String:
                return new JsonObject { ["type"] = "string" };
            case FieldType.Bytes:
                return new JsonObject { ["type"] = "string", ["contentEncoding"] = "base64" };
            case FieldType.Bool:
                return new JsonObject { ["type"] = "boolean" };
            case FieldType.Double or FieldType.Float:
                return new JsonObject { ["type"] = "number" };
            case FieldType.Int64 or FieldType.UInt64 or FieldType.SInt64 or FieldType.Fixed64 or FieldType.SFixed64:
                // proto3 JSON writes 64-bit integers as strings, and reads either form.
                return new JsonObject { ["type"] = new JsonArray("string", "integer"), ["pattern"] = "^-?[0-9]+$" };
            case FieldType.Enum:
                var names = new JsonArray();
                foreach (var v in field.EnumType.Values)
                {
                    names.Add(v.Name);
                }

                return new JsonObject { ["type"] = "string", ["enum"] = names };
            case FieldType.Message or FieldType.Group:
                if (WellKnown(field.MessageType) is { } known)
                {
                    return known;
                }

                AddSchema(field.MessageType, schemas);
                return Ref(field.MessageType);
            default:
                return new JsonObject { ["type"] = "integer" };
        }
    }

    private static JsonObject? WellKnown(MessageDescriptor message) => message.FullName switch
    {
        "google.protobuf.Value" => new JsonObject { ["description"] = "Any JSON value" },
        "google.protobuf.Struct" => new JsonObject { ["type"] = "object" },
        "google.protobuf.Timestamp" => new JsonObject { ["type"] = "string", ["format"] = "date-time" },
        "google.protobuf.Duration" => new JsonObject { ["type"] = "string", ["pattern"] = "^-?[0-9]+(\\.[0-9]+)?s$" },
        _ => null,
    };
}
