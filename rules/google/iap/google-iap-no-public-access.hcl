rule "google-iap-no-public-access" {
  title     = "Identity-Aware Proxy lets allUsers or allAuthenticatedUsers through"
  severity  = "high"
  area      = "identity-access"
  resources = [
    "google_iap_web_iam_member",
    "google_iap_web_iam_binding",
    "google_iap_web_iam_policy",
    "google_iap_web_backend_service_iam_member",
    "google_iap_web_backend_service_iam_binding",
    "google_iap_web_backend_service_iam_policy",
    "google_iap_tunnel_iam_member",
    "google_iap_tunnel_iam_binding",
    "google_iap_tunnel_iam_policy",
    "google_iap_tunnel_instance_iam_member",
    "google_iap_tunnel_instance_iam_binding",
    "google_iap_tunnel_instance_iam_policy",
  ]

  description = <<-EOT
    Identity-Aware Proxy admits a request only when the caller holds
    `roles/iap.httpsResourceAccessor` (web) or `roles/iap.tunnelResourceAccessor` (TCP tunnels for
    SSH and RDP). Granting them to `allUsers` or `allAuthenticatedUsers` turns the proxy off in
    effect: anyone (or anyone with any Google account) reaches the internal application or opens a
    tunnel to the instance's administrative port, while the application still trusts IAP to have
    authenticated the caller. Who passes the proxy is the customer's IAM decision.

    The rule checks `member` of the `_iam_member` resources, `members` of the `_iam_binding`
    resources and the `policy_data` JSON of the authoritative `_iam_policy` resources, when it is
    known at scan time (a `jsonencode` literal or a heredoc). A policy built by the
    `google_iam_policy` data source is not evaluated.
  EOT
  remediation = "Grant the IAP accessor roles to named groups, a domain (`domain:example.com`) or service accounts, with an access level where needed, instead of `allUsers` / `allAuthenticatedUsers`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/iap_web_iam",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/iap_web_backend_service_iam",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/iap_tunnel_iam",
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/iap_tunnel_instance_iam",
    "https://cloud.google.com/iap/docs/managing-access",
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
      resource "google_iap_web_iam_member" "public" {
        project = "example-project"
        role    = "roles/iap.httpsResourceAccessor"
        member  = "allAuthenticatedUsers"  # expect: google-iap-no-public-access
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_iap_tunnel_instance_iam_binding" "public" {
        zone     = "europe-west1-b"
        instance = "bastion"
        role     = "roles/iap.tunnelResourceAccessor"
        members = [  # expect: google-iap-no-public-access
          "group:ops@example.com",
          "allUsers",
        ]
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_iap_web_backend_service_iam_policy" "public" {
        web_backend_service = "internal-wiki"
        policy_data = jsonencode({  # expect: google-iap-no-public-access
          bindings = [{
            role    = "roles/iap.httpsResourceAccessor"
            members = ["allAuthenticatedUsers"]
          }]
        })
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_iap_web_iam_member" "staff" {
        project = "example-project"
        role    = "roles/iap.httpsResourceAccessor"
        member  = "domain:example.com"
      }

      resource "google_iap_tunnel_instance_iam_binding" "ops" {
        zone     = "europe-west1-b"
        instance = "bastion"
        role     = "roles/iap.tunnelResourceAccessor"
        members  = ["group:ops@example.com"]
      }

      resource "google_iap_tunnel_iam_member" "ops" {
        role   = "roles/iap.tunnelResourceAccessor"
        member = "group:ops@example.com"
      }

      resource "google_iap_web_backend_service_iam_policy" "staff" {
        web_backend_service = "internal-wiki"
        policy_data = jsonencode({
          bindings = [{
            role    = "roles/iap.httpsResourceAccessor"
            members = ["group:staff@example.com"]
          }]
        })
      }
    EOT
  }
}
