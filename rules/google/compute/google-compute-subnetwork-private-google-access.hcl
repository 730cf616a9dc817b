rule "google-compute-subnetwork-private-google-access" {
  title     = "Subnetwork does not enable Private Google Access"
  severity  = "low"
  area      = "configuration-posture"
  resources = [
    "google_compute_subnetwork",
  ]
  aliases   = ["CKV_GCP_74", "AVD-GCP-0075", "google-compute-enable-subnetwork-private-google-access"]

  description = <<-EOT
    Without Private Google Access, instances without external addresses cannot reach Google APIs,
     which pushes teams to give instances public IPs or route API traffic through the internet.
     Severity is low: it is a network hygiene setting the customer controls.

     `private_ip_google_access` defaults to `false`.
  EOT
  remediation = "Set `private_ip_google_access = true` on the subnetwork."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/compute_subnetwork#private_ip_google_access",
    "https://cloud.google.com/vpc/docs/private-google-access",
  ]

  assert {
    attribute "private_ip_google_access" {
      equals = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_compute_subnetwork" "app" {  # expect: google-compute-subnetwork-private-google-access
        name          = "app"
        region        = "europe-west1"
        network       = "prod"
        ip_cidr_range = "10.10.0.0/20"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_compute_subnetwork" "app" {
        name                     = "app"
        region                   = "europe-west1"
        network                  = "prod"
        ip_cidr_range            = "10.10.0.0/20"
        private_ip_google_access = true
      }
    EOT
  }
}
