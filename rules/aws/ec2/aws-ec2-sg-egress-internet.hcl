rule "aws-ec2-sg-egress-internet" {
  title     = "Security group allows outbound traffic to the whole internet"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["aws_security_group", "aws_security_group_rule", "aws_vpc_security_group_egress_rule"]
  aliases   = ["AVD-AWS-0104", "aws-ec2-no-public-egress-sgr"]

  description = <<-EOT
    Unrestricted egress lets a compromised instance download tooling, reach command-and-control
    servers and exfiltrate data to any address. Limiting outbound traffic to the endpoints a
    workload needs (VPC endpoints, a proxy, known partner ranges) is a containment layer the
    customer owns under the shared responsibility model. Medium: it does not expose the instance,
    it limits the damage after a compromise. Many workloads legitimately need internet egress
    through a NAT gateway; suppress the finding for those, with the reason.
  EOT
  remediation = "Replace the `0.0.0.0/0`/`::/0` egress rule with rules for the destinations the workload needs (a proxy or VPC endpoint security group, specific CIDRs and ports)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/vpc_security_group_egress_rule",
    "https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html",
  ]

  assert {
    each "egress" {
      attribute "cidr_blocks" {
        not_contains = "0.0.0.0/0"
        default      = []
      }
      attribute "ipv6_cidr_blocks" {
        not_contains = "::/0"
        default      = []
      }
    }
    not {
      attribute "type" {
        equals = "egress"
      }
      any {
        attribute "cidr_blocks" {
          contains = "0.0.0.0/0"
        }
        attribute "ipv6_cidr_blocks" {
          contains = "::/0"
        }
      }
    }
    attribute "cidr_ipv4" {
      not_equals = "0.0.0.0/0"
      default    = ""
    }
    attribute "cidr_ipv6" {
      not_equals = "::/0"
      default    = ""
    }
  }

  example "bad" {
    code = <<-EOT
      resource "aws_security_group" "app" {
        name   = "app"
        vpc_id = "vpc-0123456789abcdef0"

        egress {
          from_port   = 0
          to_port     = 0
          protocol    = "-1"
          cidr_blocks = ["0.0.0.0/0"]  # expect: aws-ec2-sg-egress-internet
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_vpc_security_group_egress_rule" "all" {
        security_group_id = "sg-0123456789abcdef0"
        cidr_ipv4         = "0.0.0.0/0"  # expect: aws-ec2-sg-egress-internet
        ip_protocol       = "-1"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "aws_security_group_rule" "all" {
        type              = "egress"
        security_group_id = "sg-0123456789abcdef0"
        from_port         = 0
        to_port           = 0
        protocol          = "-1"
        cidr_blocks       = ["0.0.0.0/0"]  # expect: aws-ec2-sg-egress-internet
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "aws_security_group" "app" {
        name   = "app"
        vpc_id = "vpc-0123456789abcdef0"

        ingress {
          from_port   = 443
          to_port     = 443
          protocol    = "tcp"
          cidr_blocks = ["0.0.0.0/0"]
        }

        egress {
          from_port   = 443
          to_port     = 443
          protocol    = "tcp"
          cidr_blocks = ["10.0.0.0/16"]
        }
      }

      resource "aws_security_group_rule" "in" {
        type              = "ingress"
        security_group_id = "sg-0123456789abcdef0"
        from_port         = 443
        to_port           = 443
        protocol          = "tcp"
        cidr_blocks       = ["0.0.0.0/0"]
      }
    EOT
  }
}
