rule "aws-vpc-flow-logs" {
  title     = "VPC has no flow log"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_vpc"]
  aliases   = ["CKV2_AWS_11", "AVD-AWS-0178", "aws-ec2-require-vpc-flow-logs-for-all-vpcs"]
  compliance = {
    "cis-aws-1.4" = ["3.9"]
    "cis-aws-3.0" = ["3.7"]
  }

  description = <<-EOT
    VPC flow logs record the accepted and rejected connections of every network interface. Without
    them an incident responder cannot tell which hosts talked to an attacker's address, how much
    data left, or whether a security group change was exploited. AWS does not record this traffic
    unless the customer asks for it: logging is the customer's side of the shared responsibility
    model. Medium: it is detection and forensics, not a direct exposure. The rule looks for an
    `aws_flow_log` whose `vpc_id` refers to the VPC.
  EOT
  remediation = "Add an `aws_flow_log` with `vpc_id = aws_vpc.NAME.id`, `traffic_type = \"ALL\"` and a CloudWatch Logs group or S3 bucket as destination."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/flow_log",
    "https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html",
  ]

  assert {
    linked "aws_flow_log" {
      via = "vpc_id"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_vpc" "main" {  # expect: aws-vpc-flow-logs
        cidr_block = "10.0.0.0/16"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_vpc" "main" {
        cidr_block = "10.0.0.0/16"
      }

      resource "aws_flow_log" "main" {
        vpc_id               = aws_vpc.main.id
        traffic_type         = "ALL"
        log_destination_type = "s3"
        log_destination      = "arn:aws:s3:::example-flow-logs"
      }
    EOT
  }
}
