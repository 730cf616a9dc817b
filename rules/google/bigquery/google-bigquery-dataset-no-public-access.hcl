rule "google-bigquery-dataset-no-public-access" {
  title     = "BigQuery dataset is shared with allUsers or allAuthenticatedUsers"
  severity  = "high"
  area      = "identity-access"
  compliance = {
    "cis-gcp-2.0" = ["7.1"]
  }
  resources = [
    "google_bigquery_dataset",
    "google_bigquery_dataset_access",
    "google_bigquery_dataset_iam_member",
    "google_bigquery_dataset_iam_binding",
    "google_bigquery_dataset_iam_policy",
  ]
  aliases = ["CKV_GCP_15", "AVD-GCP-0046", "google-bigquery-no-public-access"]

  description = <<-EOT
    Granting a dataset role to `allUsers` (anyone on the internet) or `allAuthenticatedUsers` (anyone
    with a Google account) publishes every table in the dataset; with a writer role it also lets
    strangers change or delete data, and queries they run may be billed to the project. BigQuery
    enforces the access list the customer defines.

    The rule checks the `access` blocks of `google_bigquery_dataset` (`special_group` and
    `iam_member`), the same fields on `google_bigquery_dataset_access`, `member` / `members` of
    the dataset IAM member and binding resources, and the `policy_data` JSON of
    `google_bigquery_dataset_iam_policy` when it is known at scan time (a policy built by the
    `google_iam_policy` data source is not evaluated).
  EOT
  remediation = "Remove the `allUsers` / `allAuthenticatedUsers` grant and share the dataset with specific users, groups, service accounts or an authorized view."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_dataset#nested_access",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_dataset_access",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/bigquery_dataset_iam",
    "https://cloud.google.com/bigquery/docs/access-control",
  ]

  assert {
    # google_bigquery_dataset
    none "access" {
      any {
        attribute "special_group" {
          equals = "allAuthenticatedUsers"
        }
        attribute "iam_member" {
          one_of = ["allUsers", "allAuthenticatedUsers"]
        }
      }
    }
    # google_bigquery_dataset_access
    any {
      attribute "special_group" {
        present = false
      }
      attribute "special_group" {
        not_equals = "allAuthenticatedUsers"
      }
    }
    any {
      attribute "iam_member" {
        present = false
      }
      attribute "iam_member" {
        not_one_of = ["allUsers", "allAuthenticatedUsers"]
      }
    }
    # google_bigquery_dataset_iam_member / _binding
    any {
      attribute "member" {
        present = false
      }
      attribute "member" {
        not_one_of = ["allUsers", "allAuthenticatedUsers"]
      }
    }
    any {
      attribute "members" {
        present = false
      }
      all {
        attribute "members" {
          not_contains = "allUsers"
        }
        attribute "members" {
          not_contains = "allAuthenticatedUsers"
        }
      }
    }
    # google_bigquery_dataset_iam_policy
    attribute "policy_data" {
      not_matches = "\"(allUsers|allAuthenticatedUsers)\""
      default     = ""
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_bigquery_dataset" "sales" {
        dataset_id = "sales"
        location   = "EU"

        access {
          role          = "OWNER"
          user_by_email = "data-owner@example-project.iam.gserviceaccount.com"
        }

        access {
          role          = "READER"
          special_group = "allAuthenticatedUsers"  # expect: google-bigquery-dataset-no-public-access
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_bigquery_dataset_iam_member" "public" {
        dataset_id = "sales"
        role       = "roles/bigquery.dataViewer"
        member     = "allUsers"  # expect: google-bigquery-dataset-no-public-access
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_bigquery_dataset_iam_binding" "public" {
        dataset_id = "sales"
        role       = "roles/bigquery.dataViewer"
        members = [  # expect: google-bigquery-dataset-no-public-access
          "group:analysts@example.com",
          "allAuthenticatedUsers",
        ]
      }

      resource "google_bigquery_dataset_iam_policy" "public" {
        dataset_id = "sales"
        policy_data = jsonencode({  # expect: google-bigquery-dataset-no-public-access
          bindings = [{
            role    = "roles/bigquery.dataViewer"
            members = ["allUsers"]
          }]
        })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_bigquery_dataset" "sales" {
        dataset_id = "sales"
        location   = "EU"

        access {
          role          = "OWNER"
          user_by_email = "data-owner@example-project.iam.gserviceaccount.com"
        }

        access {
          role           = "READER"
          group_by_email = "analysts@example.com"
        }
      }

      resource "google_bigquery_dataset_access" "readers" {
        dataset_id    = "sales"
        role          = "READER"
        special_group = "projectReaders"
      }

      resource "google_bigquery_dataset_iam_policy" "readers" {
        dataset_id = "sales"
        policy_data = jsonencode({
          bindings = [{
            role    = "roles/bigquery.dataViewer"
            members = ["group:analysts@example.com"]
          }]
        })
      }
    EOT
  }
}
