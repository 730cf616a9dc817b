rule "aws-redshift-customer-key" {
  title     = "Redshift cluster is not encrypted with a customer-managed KMS key"
  severity  = "low"
  area      = "data-protection"
  resources = ["aws_redshift_cluster"]
  aliases   = ["CKV_AWS_142", "AVD-AWS-0084", "aws-redshift-encryption-customer-key"]

  description = <<-EOT
    A Redshift cluster encrypts its data blocks, system metadata and snapshots when `encrypted = true`.
    Without `kms_key_id` the storage is encrypted (where encryption is on) with the AWS-managed
    Redshift key, whose key policy AWS writes and the customer cannot restrict: anyone allowed to
    use the service in the account can decrypt through it, snapshots encrypted with it cannot be
    shared with another account, and access cannot be cut off by disabling the key. A
    customer-managed key gives the customer that control and a CloudTrail record of each use.
    Redshift can switch a cluster to another key in place. Which key protects the data is the
    customer's decision under the shared responsibility model. Severity is low: the data is
    encrypted; only control over the key is missing (unencrypted storage is reported by the
    storage-encryption rule).
  EOT
  remediation = <<-EOT
    Create the cluster with a customer-managed KMS key:

    ```hcl
    resource "aws_kms_key" "db" {
      description         = "Redshift storage"
      enable_key_rotation = true
    }

    resource "aws_redshift_cluster" "warehouse" {
      # ...
      encrypted  = true
      kms_key_id = aws_kms_key.db.arn
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/redshift_cluster#kms_key_id",
    "https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#customer-cmk",
  ]

  assert {
    attribute "kms_key_id" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_redshift_cluster" "warehouse" {  # expect: aws-redshift-customer-key
        cluster_identifier     = "warehouse"
        node_type              = "ra3.xlplus"
        manage_master_password = true
        master_username        = "admin"
        encrypted              = true
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "db" {
        description         = "Redshift storage"
        enable_key_rotation = true
      }

      resource "aws_redshift_cluster" "warehouse" {
        cluster_identifier     = "warehouse"
        node_type              = "ra3.xlplus"
        manage_master_password = true
        master_username        = "admin"
        encrypted              = true
        kms_key_id             = aws_kms_key.db.arn
      }
    EOT
  }
}
