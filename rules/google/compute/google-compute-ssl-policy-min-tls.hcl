rule "google-compute-ssl-policy-min-tls" {
  title     = "SSL policy allows TLS versions older than 1.2"
  severity  = "high"
  area      = "data-protection"
  resources = [
    "google_compute_ssl_policy",
    "google_compute_region_ssl_policy",
  ]
  aliases   = ["AVD-GCP-0039", "google-compute-use-secure-tls-policy"]

  description = <<-EOT
    TLS 1.0 and 1.1 have known weaknesses and are deprecated by the IETF (RFC 8996). A load balancer
     that still accepts them lets a network attacker force clients onto a weaker protocol and attack
     the encrypted traffic. Which protocol versions the load balancer accepts is the customer's
     setting; severity is high because data in transit is exposed.

     `min_tls_version` defaults to `TLS_1_0`, so it must be set to `TLS_1_2` or later.
  EOT
  remediation = "Set `min_tls_version = \"TLS_1_2\"` (with `profile = \"MODERN\"` or `\"RESTRICTED\"`)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_ssl_policy#min_tls_version",
    "https://cloud.google.com/load-balancing/docs/ssl-policies-concepts",
  ]

  assert {
    attribute "min_tls_version" {
      one_of = ["TLS_1_2", "TLS_1_3"]
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_ssl_policy" "web" {
        name            = "web"
        profile         = "MODERN"
        min_tls_version = "TLS_1_1"  # expect: google-compute-ssl-policy-min-tls
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_ssl_policy" "web" {  # expect: google-compute-ssl-policy-min-tls
        name    = "web"
        profile = "COMPATIBLE"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_compute_ssl_policy" "web" {
        name            = "web"
        profile         = "RESTRICTED"
        min_tls_version = "TLS_1_2"
      }
    EOT
  }
}
