rule "aws-msk-encryption-at-rest-customer-key" {
  title     = "MSK cluster storage is not encrypted with a customer-managed KMS key"
  severity  = "low"
  area      = "data-protection"
  resources = ["aws_msk_cluster"]
  aliases   = ["AVD-AWS-0179", "aws-msk-enable-at-rest-encryption"]

  description = <<-EOT
    MSK always encrypts broker storage. Without
    `encryption_info.encryption_at_rest_kms_key_arn` it uses the AWS-managed `aws/kafka` key,
    whose policy the customer cannot restrict or revoke; a customer-managed key lets the customer
    decide who may decrypt the volumes and their snapshots, and records every use. The key can
    only be chosen when the cluster is created. Which key protects the data is the customer's
    decision under the shared responsibility model. Trivy's AVD-AWS-0179 calls this "unencrypted
    data at rest"; onus states it as the key question it is. Severity is low: the data is
    encrypted; only control over the key is missing.
  EOT
  remediation = <<-EOT
    Create the cluster with a customer-managed key:

    ```hcl
    resource "aws_msk_cluster" "events" {
      # ...
      encryption_info {
        encryption_at_rest_kms_key_arn = aws_kms_key.msk.arn
      }
    }
    ```
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/msk_cluster#encryption_at_rest_kms_key_arn",
    "https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html",
  ]

  assert {
    attribute "encryption_info.encryption_at_rest_kms_key_arn" {
      present = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_msk_cluster" "events" {  # expect: aws-msk-encryption-at-rest-customer-key
        cluster_name           = "events"
        kafka_version          = "3.6.0"
        number_of_broker_nodes = 3

        broker_node_group_info {
          instance_type   = "kafka.m5.large"
          client_subnets  = ["subnet-0a", "subnet-0b", "subnet-0c"]
          security_groups = ["sg-0123456789abcdef0"]
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_kms_key" "msk" {
        description         = "MSK storage"
        enable_key_rotation = true
      }

      resource "aws_msk_cluster" "events" {
        cluster_name           = "events"
        kafka_version          = "3.6.0"
        number_of_broker_nodes = 3

        broker_node_group_info {
          instance_type   = "kafka.m5.large"
          client_subnets  = ["subnet-0a", "subnet-0b", "subnet-0c"]
          security_groups = ["sg-0123456789abcdef0"]
        }

        encryption_info {
          encryption_at_rest_kms_key_arn = aws_kms_key.msk.arn
        }
      }
    EOT
  }
}
