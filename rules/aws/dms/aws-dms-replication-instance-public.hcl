rule "aws-dms-replication-instance-public" {
  title     = "DMS replication instance is publicly accessible"
  severity  = "high"
  area      = "configuration-posture"
  resources = ["aws_dms_replication_instance"]
  aliases   = ["CKV_AWS_89"]

  description = <<-EOT
    A replication instance holds the credentials of its source and target endpoints and reads
    whole databases through them. With `publicly_accessible = true` it gets a public IP address
    and becomes reachable from the internet wherever its security group allows, putting a host
    with live database credentials and data in transit on the attack surface. The provider
    defaults to `false`. Network exposure is the customer's choice under the shared
    responsibility model. High: a data-moving host with credentials exposed to the internet;
    replicate from outside AWS through VPN or Direct Connect instead.
  EOT
  remediation = <<-EOT
    Keep the instance private:

        resource "aws_dms_replication_instance" "migrate" {
          # ...
          publicly_accessible         = false
          replication_subnet_group_id = aws_dms_replication_subnet_group.private.id
        }
  EOT
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/dms_replication_instance#publicly_accessible",
    "https://docs.aws.amazon.com/dms/latest/userguide/CHAP_ReplicationInstance.PublicPrivate.html",
  ]

  assert {
    attribute "publicly_accessible" {
      equals  = false
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_dms_replication_instance" "migrate" {
        replication_instance_id    = "migrate"
        replication_instance_class = "dms.t3.medium"
        allocated_storage          = 50
        publicly_accessible        = true  # expect: aws-dms-replication-instance-public
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_dms_replication_instance" "migrate" {
        replication_instance_id     = "migrate"
        replication_instance_class  = "dms.t3.medium"
        allocated_storage           = 50
        replication_subnet_group_id = "private-dms"
      }
    EOT
  }
}
