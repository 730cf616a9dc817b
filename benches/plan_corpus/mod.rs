//! A generator of synthetic `terraform show -json` plans for benchmarks and tests, shared by
//! the `gen_plan` example and the plan tests (each includes this file with `#[path]`).
//!
//! A plan of N resources has them in modules of ten (`module.svc_K`, some nested one level
//! deeper, some expanded with `for_each`), across AWS, Google Cloud and Azure types the rules
//! cover: S3 buckets with ACLs and encryption, security groups with ingress blocks, instances
//! and databases with sensitive passwords and user data, storage buckets and accounts. Each
//! resource appears in `planned_values`, in `resource_changes` (with `before`, `after`,
//! `after_unknown`, `before_sensitive` and `after_sensitive`; `before` is set for updates);
//! `configuration` has one entry per module with `references` expressions. Ids,
//! ARNs and some attributes are unknown. About 1.8 KB per resource, as real plans are.
//! One seed always gives byte-identical output.

#![allow(dead_code)]

use std::fmt::Write as _;

/// Resources per module.
const PER_MODULE: usize = 10;

/// A plan of `resources` resources from `seed`.
pub fn plan(resources: usize, seed: u64) -> String {
    let mut g = Gen {
        state: seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407),
    };
    let modules = resources.div_ceil(PER_MODULE);
    let mut planned = String::with_capacity(resources * 900);
    let mut changes = String::with_capacity(resources * 1100);
    let mut config = String::with_capacity(modules * 1200);
    let mut made = 0;
    planned.push_str(r#"{"format_version":"1.2","terraform_version":"1.9.5","planned_values":{"root_module":{"child_modules":["#);
    config.push_str(r#""configuration":{"provider_config":{"aws":{"name":"aws","full_name":"registry.terraform.io/hashicorp/aws"}},"root_module":{"module_calls":{"#);
    for m in 0..modules {
        let nested = m % 7 == 3;
        let keyed = m % 5 == 1;
        let call = format!("svc_{m}");
        let mut module = if keyed {
            format!(r#"module.{call}["k{}"]"#, g.below(4))
        } else {
            format!("module.{call}")
        };
        if nested {
            module.push_str(".module.inner");
        }
        if m > 0 {
            planned.push(',');
            config.push(',');
        }
        write!(
            planned,
            r#"{{"address":"{}","resources":["#,
            quoted(&module)
        )
        .ok();
        let mut config_resources = String::new();
        for r in 0..PER_MODULE.min(resources - made) {
            if r > 0 {
                planned.push(',');
                config_resources.push(',');
            }
            if made > 0 {
                changes.push(',');
            }
            let kind = (m * 3 + r) % KINDS;
            let res = Resource::new(&mut g, kind, &module, r, m);
            res.planned(&mut planned);
            res.change(&mut changes);
            res.config(&mut config_resources);
            made += 1;
        }
        planned.push_str("]}");
        let body = format!(
            r#"{{"resources":[{config_resources}],"variables":{{"name":{{"default":"svc"}}}}}}"#
        );
        let module_body = if nested {
            format!(r#"{{"module_calls":{{"inner":{{"source":"./inner","module":{body}}}}}}}"#)
        } else {
            body
        };
        let for_each = if keyed {
            r#","for_each_expression":{"references":["var.services"]}"#
        } else {
            ""
        };
        write!(
            config,
            r#""{call}":{{"source":"./modules/svc"{for_each},"expressions":{{"name":{{"constant_value":"{call}"}}}},"module":{module_body}}}"#
        )
        .ok();
    }
    planned.push_str("]}},");
    config.push_str("}}}");
    let mut out = planned;
    out.push_str(r#""resource_changes":["#);
    out.push_str(&changes);
    out.push_str("],");
    out.push_str(&config);
    out.push('}');
    out
}

/// `s` as the inside of a JSON string (addresses hold the quotes of `for_each` keys).
fn quoted(s: &str) -> String {
    s.replace('"', "\\\"")
}

struct Gen {
    state: u64,
}

impl Gen {
    fn next(&mut self) -> u64 {
        self.state = self
            .state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.state >> 33
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    fn hex(&mut self, len: usize) -> String {
        let mut s = String::with_capacity(len);
        while s.len() < len {
            write!(s, "{:08x}", self.next()).ok();
        }
        s.truncate(len);
        s
    }
}

const KINDS: usize = 8;

struct Resource {
    address: String,
    resource_type: &'static str,
    name: String,
    provider: &'static str,
    /// `values` as JSON object text, with unknown attributes left out.
    values: String,
    after_unknown: String,
    sensitive: String,
    /// `expressions` of the configuration.
    expressions: String,
    action: &'static str,
}

impl Resource {
    fn new(g: &mut Gen, kind: usize, module: &str, r: usize, m: usize) -> Resource {
        let name = format!("r{r}");
        let tags = format!(
            r#"{{"Environment":"{}","Owner":"team-{}","CostCenter":"cc-{}","Service":"svc-{m}"}}"#,
            ["prod", "staging", "dev"][g.below(3) as usize],
            g.below(40),
            g.hex(6)
        );
        let aws = "registry.terraform.io/hashicorp/aws";
        let (resource_type, provider, values, after_unknown, sensitive, expressions) = match kind {
            0 => (
                "aws_s3_bucket",
                aws,
                format!(r#"{{"bucket":"data-{}-{m}-{r}","force_destroy":false,"object_lock_enabled":false,"tags":{tags},"tags_all":{tags},"timeouts":null}}"#, g.hex(8)),
                r#"{"acceleration_status":true,"acl":true,"arn":true,"bucket_domain_name":true,"bucket_regional_domain_name":true,"cors_rule":true,"grant":true,"hosted_zone_id":true,"id":true,"lifecycle_rule":true,"logging":true,"policy":true,"region":true,"replication_configuration":true,"request_payer":true,"server_side_encryption_configuration":true,"tags":{},"tags_all":{},"versioning":true,"website":true}"#.to_string(),
                r#"{"tags":{},"tags_all":{}}"#.to_string(),
                r#"{"bucket":{"references":["var.name"]},"tags":{"references":["local.tags"]}}"#.to_string(),
            ),
            1 => (
                "aws_s3_bucket_acl",
                aws,
                format!(r#"{{"acl":"{}","expected_bucket_owner":null}}"#, if g.below(50) == 0 { "public-read" } else { "private" }),
                r#"{"access_control_policy":true,"bucket":true,"id":true}"#.to_string(),
                r#"{"access_control_policy":[]}"#.to_string(),
                r#"{"acl":{"constant_value":"private"},"bucket":{"references":["aws_s3_bucket.r0.id","aws_s3_bucket.r0"]}}"#.to_string(),
            ),
            2 => (
                "aws_security_group",
                aws,
                format!(r#"{{"description":"Managed by Terraform","ingress":[{{"cidr_blocks":["{}"],"description":"https","from_port":443,"ipv6_cidr_blocks":[],"prefix_list_ids":[],"protocol":"tcp","security_groups":[],"self":false,"to_port":443}},{{"cidr_blocks":["10.{}.0.0/16"],"description":"ssh","from_port":22,"ipv6_cidr_blocks":[],"prefix_list_ids":[],"protocol":"tcp","security_groups":[],"self":false,"to_port":22}}],"name":"sg-{m}-{r}","revoke_rules_on_delete":false,"tags":{tags},"timeouts":null}}"#,
                    if g.below(20) == 0 { "0.0.0.0/0" } else { "10.0.0.0/8" }, g.below(256)),
                r#"{"arn":true,"egress":true,"id":true,"ingress":[{"cidr_blocks":[false],"ipv6_cidr_blocks":[],"prefix_list_ids":[],"security_groups":[]},{"cidr_blocks":[false],"ipv6_cidr_blocks":[],"prefix_list_ids":[],"security_groups":[]}],"name_prefix":true,"owner_id":true,"vpc_id":true}"#.to_string(),
                r#"{"egress":[],"ingress":[{"cidr_blocks":[false],"ipv6_cidr_blocks":[],"prefix_list_ids":[],"security_groups":[]},{"cidr_blocks":[false],"ipv6_cidr_blocks":[],"prefix_list_ids":[],"security_groups":[]}],"tags":{}}"#.to_string(),
                r#"{"name":{"references":["var.name"]},"vpc_id":{"references":["var.vpc_id"]},"ingress":{"references":["local.ingress"]}}"#.to_string(),
            ),
            3 => (
                "aws_instance",
                aws,
                format!(r#"{{"ami":"ami-{}","instance_type":"t3.{}","metadata_options":[{{"http_endpoint":"enabled","http_tokens":"{}"}}],"monitoring":true,"root_block_device":[{{"delete_on_termination":true,"encrypted":true,"volume_size":{},"volume_type":"gp3"}}],"tags":{tags},"user_data":"{}"}}"#,
                    g.hex(17), ["micro", "small", "large"][g.below(3) as usize], if g.below(10) == 0 { "optional" } else { "required" }, 8 + g.below(100), g.hex(40)),
                r#"{"arn":true,"id":true,"private_ip":true,"public_ip":true,"subnet_id":true,"vpc_security_group_ids":true,"root_block_device":[{"device_name":true,"kms_key_id":true,"volume_id":true}],"metadata_options":[{}]}"#.to_string(),
                r#"{"user_data":true,"root_block_device":[{}],"metadata_options":[{}],"tags":{}}"#.to_string(),
                r#"{"ami":{"references":["data.aws_ami.base.id","data.aws_ami.base"]},"subnet_id":{"references":["var.subnet_id"]},"vpc_security_group_ids":{"references":["aws_security_group.r2.id","aws_security_group.r2"]}}"#.to_string(),
            ),
            4 => (
                "aws_db_instance",
                aws,
                format!(r#"{{"allocated_storage":{},"backup_retention_period":7,"engine":"postgres","engine_version":"16.3","identifier":"db-{m}-{r}","instance_class":"db.t3.medium","multi_az":{},"password":"{}","publicly_accessible":false,"skip_final_snapshot":false,"storage_encrypted":{},"tags":{tags},"username":"app"}}"#,
                    20 + g.below(500), g.below(2) == 0, g.hex(24), g.below(8) != 0),
                r#"{"address":true,"arn":true,"endpoint":true,"id":true,"kms_key_id":true,"db_subnet_group_name":true}"#.to_string(),
                r#"{"password":true,"tags":{}}"#.to_string(),
                r#"{"password":{"references":["var.db_password"]},"kms_key_id":{"references":["aws_kms_key.db.arn","aws_kms_key.db"]}}"#.to_string(),
            ),
            5 => (
                "google_storage_bucket",
                "registry.terraform.io/hashicorp/google",
                format!(r#"{{"force_destroy":false,"labels":{{"env":"prod","svc":"svc-{m}"}},"location":"EU","name":"gcs-{}-{m}-{r}","public_access_prevention":"{}","storage_class":"STANDARD","uniform_bucket_level_access":{}}}"#,
                    g.hex(8), if g.below(6) == 0 { "inherited" } else { "enforced" }, g.below(4) != 0),
                r#"{"id":true,"project":true,"self_link":true,"url":true,"versioning":true,"effective_labels":true}"#.to_string(),
                r#"{"labels":{}}"#.to_string(),
                r#"{"name":{"references":["var.name"]},"project":{"references":["var.project"]}}"#.to_string(),
            ),
            6 => (
                "azurerm_storage_account",
                "registry.terraform.io/hashicorp/azurerm",
                format!(r#"{{"account_replication_type":"GRS","account_tier":"Standard","allow_nested_items_to_be_public":{},"https_traffic_only_enabled":true,"location":"westeurope","min_tls_version":"TLS1_2","name":"st{}","public_network_access_enabled":{},"resource_group_name":"rg-{m}","tags":{tags}}}"#,
                    g.below(5) == 0, g.hex(12), g.below(3) == 0),
                r#"{"id":true,"primary_access_key":true,"primary_blob_endpoint":true,"primary_connection_string":true,"secondary_access_key":true}"#.to_string(),
                r#"{"primary_access_key":true,"primary_connection_string":true,"secondary_access_key":true,"tags":{}}"#.to_string(),
                r#"{"name":{"references":["var.name"]},"resource_group_name":{"references":["azurerm_resource_group.main.name","azurerm_resource_group.main"]}}"#.to_string(),
            ),
            _ => (
                "aws_s3_bucket_server_side_encryption_configuration",
                aws,
                format!(r#"{{"expected_bucket_owner":null,"rule":[{{"apply_server_side_encryption_by_default":[{{"kms_master_key_id":null,"sse_algorithm":"{}"}}],"bucket_key_enabled":true}}]}}"#,
                    if g.below(2) == 0 { "AES256" } else { "aws:kms" }),
                r#"{"bucket":true,"id":true,"rule":[{"apply_server_side_encryption_by_default":[{}]}]}"#.to_string(),
                r#"{"rule":[{"apply_server_side_encryption_by_default":[{}]}]}"#.to_string(),
                r#"{"bucket":{"references":["aws_s3_bucket.r0.id","aws_s3_bucket.r0"]},"rule":[{"apply_server_side_encryption_by_default":[{"sse_algorithm":{"constant_value":"AES256"}}]}]}"#.to_string(),
            ),
        };
        Resource {
            address: format!("{module}.{resource_type}.{name}"),
            resource_type,
            name,
            provider,
            values,
            after_unknown,
            sensitive,
            expressions,
            action: if g.below(4) == 0 { "update" } else { "create" },
        }
    }

    fn planned(&self, out: &mut String) {
        write!(
            out,
            r#"{{"address":"{}","mode":"managed","type":"{}","name":"{}","provider_name":"{}","schema_version":0,"values":{},"sensitive_values":{}}}"#,
            quoted(&self.address),
            self.resource_type,
            self.name,
            self.provider,
            self.values,
            self.sensitive
        )
        .ok();
    }

    fn change(&self, out: &mut String) {
        let before = if self.action == "update" {
            self.values.as_str()
        } else {
            "null"
        };
        let before_sensitive = if self.action == "update" {
            self.sensitive.as_str()
        } else {
            "false"
        };
        write!(
            out,
            r#"{{"address":"{}","module_address":"{}","mode":"managed","type":"{}","name":"{}","provider_name":"{}","change":{{"actions":["{}"],"before":{},"after":{},"after_unknown":{},"before_sensitive":{},"after_sensitive":{}}}}}"#,
            quoted(&self.address),
            quoted(self.address.rsplitn(3, '.').nth(2).unwrap_or("")),
            self.resource_type,
            self.name,
            self.provider,
            self.action,
            before,
            self.values,
            self.after_unknown,
            before_sensitive,
            self.sensitive
        )
        .ok();
    }

    fn config(&self, out: &mut String) {
        write!(
            out,
            r#"{{"address":"{}.{}","mode":"managed","type":"{}","name":"{}","provider_config_key":"aws","expressions":{},"schema_version":0}}"#,
            self.resource_type, self.name, self.resource_type, self.name, self.expressions
        )
        .ok();
    }
}
