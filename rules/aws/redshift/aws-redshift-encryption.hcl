rule "aws-redshift-encryption" {
  title     = "Redshift cluster does not state that it is encrypted at rest"
  severity  = "high"
  area      = "data-protection"
  resources = ["aws_redshift_cluster"]
  aliases   = ["CKV_AWS_64"]

  description = <<-EOT
    A data warehouse usually holds the organisation's most complete copy of its data. Without
    encryption at rest, its data blocks, system metadata and snapshots are stored unencrypted. The
    default has changed over time: AWS now encrypts new provisioned clusters, and AWS provider 6.0
    changed the default of `encrypted` to `true`, but with provider 5.x and earlier an omitted
    `encrypted` created an unencrypted cluster. Because the same configuration means different
    things depending on the provider version, this rule asks for `encrypted = true` to be stated.
    The encryption choice is the customer's under the shared responsibility model.
  EOT
  remediation = "Set `encrypted = true` on the `aws_redshift_cluster`, with `kms_key_id` set to a customer-managed KMS key where you need control over the key."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_cluster",
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/guides/version-6-upgrade",
    "https://docs.aws.amazon.com/redshift/latest/mgmt/working-with-db-encryption.html",
  ]

  assert {
    attribute "encrypted" {
      equals = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_redshift_cluster" "dw" {
        cluster_identifier     = "dw"
        node_type              = "ra3.xlplus"
        master_username        = "admin"
        manage_master_password = true
        publicly_accessible    = false
        encrypted              = false  # expect: aws-redshift-encryption
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_redshift_cluster" "dw" {  # expect: aws-redshift-encryption
        cluster_identifier     = "dw"
        node_type              = "ra3.xlplus"
        master_username        = "admin"
        manage_master_password = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_redshift_cluster" "dw" {
        cluster_identifier     = "dw"
        node_type              = "ra3.xlplus"
        master_username        = "admin"
        manage_master_password = true
        publicly_accessible    = false
        encrypted              = true
      }
    EOT
  }
}
