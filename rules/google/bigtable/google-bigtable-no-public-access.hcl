rule "google-bigtable-no-public-access" {
  title     = "Bigtable instance or table grants access to allUsers or allAuthenticatedUsers"
  severity  = "high"
  area      = "identity-access"
  resources = [
    "google_bigtable_instance_iam_member",
    "google_bigtable_instance_iam_binding",
    "google_bigtable_instance_iam_policy",
    "google_bigtable_table_iam_member",
    "google_bigtable_table_iam_binding",
    "google_bigtable_table_iam_policy",
  ]

  description = <<-EOT
    A role on a Bigtable instance or table granted to `allUsers` or `allAuthenticatedUsers` lets
    anyone read (or, with a user or admin role, write and delete) its rows through the Bigtable
    API. Who may read the data is the customer's IAM decision.

    The rule checks `member` of the `_iam_member` resources, `members` of the `_iam_binding`
    resources and the `policy_data` JSON of the authoritative `_iam_policy` resources, when it is
    known at scan time (a `jsonencode` literal or a heredoc). A policy built by the
    `google_iam_policy` data source is not evaluated.
  EOT
  remediation = "Grant the role to named users, groups (`group:...`), a domain or service accounts instead of `allUsers` / `allAuthenticatedUsers`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigtable_instance_iam",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigtable_table_iam",
    "https://cloud.google.com/bigtable/docs/access-control",
  ]

  assert {
    attribute "member" {
      not_one_of = ["allUsers", "allAuthenticatedUsers"]
      default    = ""
    }
    attribute "members" {
      not_contains = "allUsers"
      default      = []
    }
    attribute "members" {
      not_contains = "allAuthenticatedUsers"
      default      = []
    }
    attribute "policy_data" {
      not_matches = "\"(allUsers|allAuthenticatedUsers)\""
      default     = ""
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_bigtable_instance_iam_member" "public" {
        instance = "telemetry"
        role     = "roles/bigtable.reader"
        member   = "allUsers"  # expect: google-bigtable-no-public-access
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_bigtable_table_iam_binding" "public" {
        instance_name = "telemetry"
        table         = "events"
        role          = "roles/bigtable.user"
        members = [  # expect: google-bigtable-no-public-access
          "group:telemetry@example.com",
          "allAuthenticatedUsers",
        ]
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_bigtable_instance_iam_policy" "public" {
        instance = "telemetry"
        policy_data = jsonencode({  # expect: google-bigtable-no-public-access
          bindings = [{
            role    = "roles/bigtable.reader"
            members = ["allAuthenticatedUsers"]
          }]
        })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_bigtable_instance_iam_member" "readers" {
        instance = "telemetry"
        role     = "roles/bigtable.reader"
        member   = "group:telemetry@example.com"
      }

      resource "google_bigtable_table_iam_binding" "writers" {
        instance_name = "telemetry"
        table         = "events"
        role          = "roles/bigtable.user"
        members       = ["serviceAccount:ingest@example-project.iam.gserviceaccount.com"]
      }

      resource "google_bigtable_table_iam_policy" "readers" {
        instance_name = "telemetry"
        table         = "events"
        policy_data = jsonencode({
          bindings = [{
            role    = "roles/bigtable.reader"
            members = ["group:telemetry@example.com"]
          }]
        })
      }
    EOT
  }
}
