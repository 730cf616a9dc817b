rule "google-bigquery-table-no-public-access" {
  title     = "BigQuery table grants access to allUsers or allAuthenticatedUsers"
  severity  = "high"
  area      = "data-protection"
  resources = [
    "google_bigquery_table_iam_member",
    "google_bigquery_table_iam_binding",
    "google_bigquery_table_iam_policy",
  ]
  aliases   = ["CKV_GCP_100"]

  description = <<-EOT
    A role on a table granted to `allUsers` or `allAuthenticatedUsers` lets anyone query it, whatever
    the dataset's own access list says, and analytics tables routinely hold personal and business
    data. Table access is the customer's IAM decision. Dataset-level grants are checked by
    `google-bigquery-dataset-no-public-access`.

    The rule checks `member` of the `_iam_member` resources, `members` of the `_iam_binding`
    resources and the `policy_data` JSON of the authoritative `_iam_policy` resources, when it is
    known at scan time (a `jsonencode` literal or a heredoc). A policy built by the
    `google_iam_policy` data source is not evaluated.
  EOT
  remediation = "Grant the role to named users, groups (`group:...`), a domain or service accounts instead of `allUsers` / `allAuthenticatedUsers`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_table_iam",
    "https://cloud.google.com/bigquery/docs/table-access-controls-intro",
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
      resource "google_bigquery_table_iam_member" "public" {
        dataset_id = "analytics"
        table_id   = "events"
        role   = "roles/bigquery.dataViewer"
        member = "allUsers"  # expect: google-bigquery-table-no-public-access
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_bigquery_table_iam_binding" "public" {
        dataset_id = "analytics"
        table_id   = "events"
        role    = "roles/bigquery.dataViewer"
        members = [  # expect: google-bigquery-table-no-public-access
          "group:team@example.com",
          "allAuthenticatedUsers",
        ]
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_bigquery_table_iam_policy" "public" {
        dataset_id = "analytics"
        table_id   = "events"
        policy_data = jsonencode({  # expect: google-bigquery-table-no-public-access
          bindings = [{
            role    = "roles/bigquery.dataViewer"
            members = ["allUsers"]
          }]
        })
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "invoker" {
        type    = string
        default = "allAuthenticatedUsers"
      }

      resource "google_bigquery_table_iam_member" "from_variable" {
        dataset_id = "analytics"
        table_id   = "events"
        role   = "roles/bigquery.dataViewer"
        member = var.invoker  # expect: google-bigquery-table-no-public-access
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_bigquery_table_iam_member" "team" {
        dataset_id = "analytics"
        table_id   = "events"
        role   = "roles/bigquery.dataViewer"
        member = "group:team@example.com"
      }

      resource "google_bigquery_table_iam_binding" "workers" {
        dataset_id = "analytics"
        table_id   = "events"
        role    = "roles/bigquery.dataViewer"
        members = ["serviceAccount:worker@example-project.iam.gserviceaccount.com"]
      }

      resource "google_bigquery_table_iam_policy" "private" {
        dataset_id = "analytics"
        table_id   = "events"
        policy_data = jsonencode({
          bindings = [{
            role    = "roles/bigquery.dataViewer"
            members = ["domain:example.com"]
          }]
        })
      }
    EOT
  }
}
