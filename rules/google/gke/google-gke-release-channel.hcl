rule "google-gke-release-channel" {
  title     = "GKE cluster is not enrolled in a release channel"
  severity  = "low"
  area      = "configuration-posture"
  resources = [
    "google_container_cluster",
  ]
  aliases   = ["CKV_GCP_70"]

  description = <<-EOT
    A cluster outside a release channel (`channel = "UNSPECIFIED"`) gets no managed version
     upgrades of its control plane and nodes in step with Google's security patches; versions then
     fall behind until someone upgrades by hand. Choosing a channel is the customer's setting;
     severity is low.

     Recent provider versions let GKE put new clusters on the `REGULAR` channel when
     `release_channel` is absent, so only an explicit `UNSPECIFIED` is reported.
  EOT
  remediation = "Set `release_channel { channel = \"REGULAR\" }` (or `STABLE`)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/google/latest/docs/resources/container_cluster#nested_release_channel",
    "https://cloud.google.com/kubernetes-engine/docs/concepts/release-channels",
  ]

  assert {
    attribute "release_channel.channel" {
      not_equals = "UNSPECIFIED"
      default    = "REGULAR"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1

        release_channel {
          channel = "UNSPECIFIED"  # expect: google-gke-release-channel
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "google_container_cluster" "prod" {
        name               = "prod"
        location           = "europe-west1"
        initial_node_count = 1

        release_channel {
          channel = "STABLE"
        }
      }
    EOT
  }
}
