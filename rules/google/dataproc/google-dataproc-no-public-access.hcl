rule "google-dataproc-no-public-access" {
  title     = "Dataproc cluster or job grants access to allUsers or allAuthenticatedUsers"
  severity  = "high"
  area      = "identity-access"
  resources = [
    "google_dataproc_cluster_iam_member",
    "google_dataproc_cluster_iam_binding",
    "google_dataproc_cluster_iam_policy",
    "google_dataproc_job_iam_member",
    "google_dataproc_job_iam_binding",
    "google_dataproc_job_iam_policy",
  ]
  aliases   = ["CKV_GCP_98"]

  description = <<-EOT
    A role on a Dataproc cluster granted to `allUsers` or `allAuthenticatedUsers` lets anyone submit
    jobs to it (or, on a job, read its output and cancel it). A submitted job runs arbitrary code
    as the cluster's service account, with its access to the project's data. Who may use a cluster
    is the customer's IAM decision.

    The rule checks `member` of the `_iam_member` resources, `members` of the `_iam_binding`
    resources and the `policy_data` JSON of the authoritative `_iam_policy` resources, when it is
    known at scan time (a `jsonencode` literal or a heredoc). A policy built by the
    `google_iam_policy` data source is not evaluated.
  EOT
  remediation = "Grant the role to named users, groups (`group:...`), a domain or service accounts instead of `allUsers` / `allAuthenticatedUsers`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/dataproc_cluster_iam",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/dataproc_job_iam",
    "https://cloud.google.com/dataproc/docs/concepts/iam/iam",
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
      resource "google_dataproc_cluster_iam_member" "public" {
        cluster = "analytics"
        region  = "europe-west1"
        role    = "roles/dataproc.editor"
        member  = "allUsers"  # expect: google-dataproc-no-public-access
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_dataproc_job_iam_binding" "public" {
        job_id  = "nightly-etl"
        region  = "europe-west1"
        role    = "roles/dataproc.viewer"
        members = [  # expect: google-dataproc-no-public-access
          "group:analysts@example.com",
          "allAuthenticatedUsers",
        ]
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_dataproc_cluster_iam_policy" "public" {
        cluster = "analytics"
        region  = "europe-west1"
        policy_data = jsonencode({  # expect: google-dataproc-no-public-access
          bindings = [{
            role    = "roles/dataproc.editor"
            members = ["allAuthenticatedUsers"]
          }]
        })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_dataproc_cluster_iam_member" "analysts" {
        cluster = "analytics"
        region  = "europe-west1"
        role    = "roles/dataproc.editor"
        member  = "group:analysts@example.com"
      }

      resource "google_dataproc_job_iam_binding" "analysts" {
        job_id  = "nightly-etl"
        region  = "europe-west1"
        role    = "roles/dataproc.viewer"
        members = ["group:analysts@example.com"]
      }

      resource "google_dataproc_cluster_iam_policy" "analysts" {
        cluster = "analytics"
        region  = "europe-west1"
        policy_data = jsonencode({
          bindings = [{
            role    = "roles/dataproc.editor"
            members = ["group:analysts@example.com"]
          }]
        })
      }
    EOT
  }
}
