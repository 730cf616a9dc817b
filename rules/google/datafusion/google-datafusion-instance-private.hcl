rule "google-datafusion-instance-private" {
  title     = "Data Fusion instance is not private"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["google_data_fusion_instance"]
  aliases   = ["CKV_GCP_87"]

  description = <<-EOT
    A Data Fusion instance that is not private has a public endpoint, and the Dataproc clusters it
    starts for pipelines get external IP addresses. A private instance is reached only through a
    peered VPC network and its pipeline workers get internal addresses only, which keeps the data
    it moves off the internet. The instance's network settings are the customer's.

    `private_instance` defaults to `false`, so it must be set to `true` (with `network_config`).
  EOT
  remediation = "Set `private_instance = true` and add `network_config` with the VPC network and an IP allocation for the tenant project."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/data_fusion_instance#private_instance",
    "https://cloud.google.com/data-fusion/docs/how-to/create-private-ip",
  ]

  assert {
    attribute "private_instance" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_data_fusion_instance" "pipelines" {  # expect: google-datafusion-instance-private
        name   = "pipelines"
        region = "europe-west1"
        type   = "BASIC"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "google_data_fusion_instance" "pipelines" {
        name             = "pipelines"
        region           = "europe-west1"
        type             = "BASIC"
        private_instance = false  # expect: google-datafusion-instance-private
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_data_fusion_instance" "pipelines" {
        name             = "pipelines"
        region           = "europe-west1"
        type             = "BASIC"
        private_instance = true

        network_config {
          network       = "default"
          ip_allocation = "10.89.48.0/22"
        }
      }
    EOT
  }
}
