rule "aws-redshift-version-upgrade" {
  title     = "Redshift cluster does not take engine version upgrades"
  severity  = "low"
  area      = "configuration-posture"
  resources = ["aws_redshift_cluster"]
  aliases   = ["CKV_AWS_141"]

  description = <<-EOT
    Redshift applies new engine versions, which include security fixes, during the maintenance
    window. With `allow_version_upgrade = false` the cluster stays on its version and keeps
    known flaws until someone upgrades it by hand. The argument defaults to `true`, so only an
    explicit `false` is reported. Which version runs is the customer's choice under the shared
    responsibility model. Low: a wider window for known vulnerabilities, no exposure by itself.
  EOT
  remediation = <<-EOT
    Allow version upgrades in the maintenance window:

        resource "aws_redshift_cluster" "dwh" {
          # ...
          allow_version_upgrade        = true
          preferred_maintenance_window = "sun:03:00-sun:03:30"
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_cluster#allow_version_upgrade",
    "https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-clusters.html#rs-mgmt-maintenance-tracks",
  ]

  assert {
    attribute "allow_version_upgrade" {
      equals  = true
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_redshift_cluster" "dwh" {
        cluster_identifier          = "dwh"
        node_type                   = "ra3.xlplus"
        master_username             = "admin"
        manage_master_password      = true
        encrypted                   = true
        allow_version_upgrade       = false  # expect: aws-redshift-version-upgrade
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_redshift_cluster" "dwh" {
        cluster_identifier     = "dwh"
        node_type              = "ra3.xlplus"
        master_username        = "admin"
        manage_master_password = true
        encrypted              = true
      }
    EOT
  }
}
