rule "google-pubsub-no-public-access" {
  title     = "Pub/Sub topic or subscription grants access to allUsers or allAuthenticatedUsers"
  severity  = "high"
  area      = "identity-access"
  resources = [
    "google_pubsub_topic_iam_member",
    "google_pubsub_topic_iam_binding",
    "google_pubsub_topic_iam_policy",
    "google_pubsub_subscription_iam_member",
    "google_pubsub_subscription_iam_binding",
    "google_pubsub_subscription_iam_policy",
  ]
  aliases   = ["CKV_GCP_99"]

  description = <<-EOT
    A role on a topic granted to `allUsers` or `allAuthenticatedUsers` lets anyone publish forged
    messages into the pipeline (or read them, through a subscription), and the subscribers process
    them as if they came from a trusted producer. Messages often carry business data and personal
    data. Who may publish and subscribe is the customer's IAM decision.

    The rule checks `member` of the `_iam_member` resources, `members` of the `_iam_binding`
    resources and the `policy_data` JSON of the authoritative `_iam_policy` resources, when it is
    known at scan time (a `jsonencode` literal or a heredoc). A policy built by the
    `google_iam_policy` data source is not evaluated.
  EOT
  remediation = "Grant the role to named users, groups (`group:...`), a domain or service accounts instead of `allUsers` / `allAuthenticatedUsers`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/pubsub_topic_iam",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/pubsub_subscription_iam",
    "https://cloud.google.com/pubsub/docs/access-control",
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
      resource "google_pubsub_topic_iam_member" "public" {
        topic = "orders"
        role   = "roles/pubsub.publisher"
        member = "allUsers"  # expect: google-pubsub-no-public-access
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_pubsub_subscription_iam_binding" "public" {
        subscription = "orders-worker"
        role    = "roles/pubsub.publisher"
        members = [  # expect: google-pubsub-no-public-access
          "group:team@example.com",
          "allAuthenticatedUsers",
        ]
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_pubsub_topic_iam_policy" "public" {
        topic = "orders"
        policy_data = jsonencode({  # expect: google-pubsub-no-public-access
          bindings = [{
            role    = "roles/pubsub.publisher"
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

      resource "google_pubsub_subscription_iam_member" "from_variable" {
        subscription = "orders-worker"
        role   = "roles/pubsub.publisher"
        member = var.invoker  # expect: google-pubsub-no-public-access
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_pubsub_topic_iam_member" "team" {
        topic = "orders"
        role   = "roles/pubsub.publisher"
        member = "group:team@example.com"
      }

      resource "google_pubsub_subscription_iam_binding" "workers" {
        subscription = "orders-worker"
        role    = "roles/pubsub.publisher"
        members = ["serviceAccount:worker@example-project.iam.gserviceaccount.com"]
      }

      resource "google_pubsub_topic_iam_policy" "private" {
        topic = "orders"
        policy_data = jsonencode({
          bindings = [{
            role    = "roles/pubsub.publisher"
            members = ["domain:example.com"]
          }]
        })
      }
    EOT
  }
}
