rule "google-spanner-no-public-access" {
  title     = "Spanner instance or database grants access to allUsers or allAuthenticatedUsers"
  severity  = "high"
  area      = "identity-access"
  resources = [
    "google_spanner_instance_iam_member",
    "google_spanner_instance_iam_binding",
    "google_spanner_instance_iam_policy",
    "google_spanner_database_iam_member",
    "google_spanner_database_iam_binding",
    "google_spanner_database_iam_policy",
  ]

  description = <<-EOT
    A role on a Spanner instance or database granted to `allUsers` or `allAuthenticatedUsers` lets
    anyone read (or, with a writer or admin role, change or drop) the database through the Spanner
    API. The database is usually the system of record. Who may query it is the customer's IAM
    decision.

    The rule checks `member` of the `_iam_member` resources, `members` of the `_iam_binding`
    resources and the `policy_data` JSON of the authoritative `_iam_policy` resources, when it is
    known at scan time (a `jsonencode` literal or a heredoc). A policy built by the
    `google_iam_policy` data source is not evaluated.
  EOT
  remediation = "Grant the role to named users, groups (`group:...`), a domain or service accounts instead of `allUsers` / `allAuthenticatedUsers`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/spanner_instance_iam",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/spanner_database_iam",
    "https://cloud.google.com/spanner/docs/iam",
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
      resource "google_spanner_database_iam_member" "public" {
        instance = "orders"
        database = "orders-db"
        role     = "roles/spanner.databaseReader"
        member   = "allAuthenticatedUsers"  # expect: google-spanner-no-public-access
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_spanner_instance_iam_binding" "public" {
        instance = "orders"
        role     = "roles/spanner.databaseUser"
        members = [  # expect: google-spanner-no-public-access
          "allUsers",
        ]
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_spanner_database_iam_policy" "public" {
        instance = "orders"
        database = "orders-db"
        policy_data = jsonencode({  # expect: google-spanner-no-public-access
          bindings = [{
            role    = "roles/spanner.databaseReader"
            members = ["allUsers"]
          }]
        })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_spanner_database_iam_member" "app" {
        instance = "orders"
        database = "orders-db"
        role     = "roles/spanner.databaseUser"
        member   = "serviceAccount:orders-api@example-project.iam.gserviceaccount.com"
      }

      resource "google_spanner_instance_iam_binding" "dba" {
        instance = "orders"
        role     = "roles/spanner.databaseAdmin"
        members  = ["group:dba@example.com"]
      }

      resource "google_spanner_database_iam_policy" "app" {
        instance = "orders"
        database = "orders-db"
        policy_data = jsonencode({
          bindings = [{
            role    = "roles/spanner.databaseReader"
            members = ["group:analysts@example.com"]
          }]
        })
      }
    EOT
  }
}
